import { PassThrough } from "node:stream";
import { inspect } from "node:util";
import type { ClientChannel } from "ssh2";
import { describe, expect, it, vi } from "vitest";
import { SshDialer, socketLike } from "./ssh-dialer";

describe("SshDialer", () => {
  it("keeps its agent out of docker-modem's per-request inspect of the options", () => {
    const dialer = new SshDialer({ host: "127.0.0.1", port: 1, username: "root" });
    const agent = dialer.agent();
    // docker-modem inspects every request's options, agent included, with these settings.
    const text = inspect({ path: "/_ping", agent }, { showHidden: true, depth: null });
    expect(text.length).toBeLessThan(200);
    expect(text).toContain("[SshDialer agent]");
  });
});

describe("socketLike", () => {
  const channel = () => socketLike(new PassThrough() as unknown as ClientChannel);

  it("times out after the given idle time, counted from the last byte either way", () => {
    vi.useFakeTimers();
    try {
      const s = channel();
      const fired = vi.fn();
      s.setTimeout(1000, fired);
      vi.advanceTimersByTime(800);
      s.write("x");
      vi.advanceTimersByTime(800);
      s.push(Buffer.from("y"));
      vi.advanceTimersByTime(800);
      expect(fired).not.toHaveBeenCalled();
      vi.advanceTimersByTime(300);
      expect(fired).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("takes a timeout callback off again with a timeout of 0, as node's http client does", () => {
    vi.useFakeTimers();
    try {
      const s = channel();
      const fired = vi.fn();
      s.setTimeout(1000, fired);
      s.setTimeout(0, fired);
      vi.advanceTimersByTime(5000);
      expect(fired).not.toHaveBeenCalled();
      expect(s.listenerCount("timeout")).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

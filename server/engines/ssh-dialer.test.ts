import http from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { inspect } from "node:util";
import { Server, utils, type ClientChannel } from "ssh2";
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

/**
 * A real SSH server whose remote command never answers and never closes its channel, as a stalled
 * `docker system dial-stdio` (or the engine behind it) does: no real engine can be made to hang so.
 */
async function hangingSshServer(): Promise<{ port: number; close: () => void }> {
  const hostKey = utils.generateKeyPairSync("ed25519").private;
  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    client.on("error", () => undefined);
    client.on("authentication", (ctx) => ctx.accept());
    client.on("ready", () =>
      client.on("session", (accept) =>
        accept().on("exec", (acceptExec) => {
          const stream = acceptExec();
          // No output, no end of output and no answer to a close: the remote is stuck.
          stream.close = () => stream;
          stream.end = () => stream;
          stream.eof = () => stream;
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

describe("SshDialer against a remote that hangs", () => {
  it("fails a call at its deadline instead of waiting for the remote forever", async () => {
    const remote = await hangingSshServer();
    const dialer = new SshDialer({ host: "127.0.0.1", port: remote.port, username: "root", password: "x" });
    try {
      const t0 = Date.now();
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get(
          { host: "127.0.0.1", path: "/_ping", agent: dialer.agent(), signal: AbortSignal.timeout(500) },
          () => resolve("answered"),
        );
        req.on("error", (err) => resolve(err.name));
      });
      expect(outcome).toBe("AbortError");
      expect(Date.now() - t0).toBeLessThan(4000);
    } finally {
      dialer.close();
      remote.close();
    }
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

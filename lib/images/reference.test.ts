import { describe, expect, it } from "vitest";
import { formatReference, parseReference, registryHostOf, registryPathOf, repositoryOf } from "./reference";

const ok = (s: string) => {
  const r = parseReference(s);
  if (!r.ok) throw new Error(`${s}: ${r.error}`);
  return r.ref;
};
const error = (s: string) => {
  const r = parseReference(s);
  return r.ok ? undefined : r.error;
};

describe("parseReference", () => {
  it("reads a registry with a port, a nested path and a tag", () => {
    expect(ok("127.0.0.1:5000/wharf/busybox:1.35")).toEqual({
      domain: "127.0.0.1:5000",
      path: "wharf/busybox",
      tag: "1.35",
    });
  });

  it("treats a first component as a registry only with a dot, a colon, or localhost", () => {
    expect(ok("library/busybox").domain).toBeUndefined();
    expect(ok("localhost/busybox").domain).toBe("localhost");
    expect(ok("registry.example.com/a/b").domain).toBe("registry.example.com");
  });

  it("reads digests, alone or after a tag", () => {
    const d = `sha256:${"a".repeat(64)}`;
    expect(ok(`busybox@${d}`)).toEqual({ path: "busybox", digest: d });
    expect(ok(`busybox:1.35@${d}`)).toEqual({ path: "busybox", tag: "1.35", digest: d });
  });

  it.each([
    ["UPPER/case", /lowercase/],
    ["a::b", /invalid tag ""|invalid/],
    ["", /required/],
    [`${"a".repeat(300)}`, /at most 255/],
    ["busybox:", /invalid tag/],
    ["busybox:-x", /invalid tag/],
    ["a//b", /empty path component/],
    ["a/-b", /invalid path component/],
    ["busybox@sha256:short", /invalid digest/],
    [" busybox", /spaces/],
    ["bad_host.example.com:5000/x", /invalid registry host/],
  ])("refuses %j", (input, reason) => {
    expect(error(input)).toMatch(reason);
  });
});

describe("formatting helpers", () => {
  it("adds latest only when neither tag nor digest was given", () => {
    expect(formatReference(ok("busybox"))).toBe("busybox:latest");
    expect(formatReference(ok("127.0.0.1:5000/x:1"))).toBe("127.0.0.1:5000/x:1");
    expect(formatReference(ok(`x@sha256:${"b".repeat(64)}`))).toBe(`x@sha256:${"b".repeat(64)}`);
  });

  it("names the registry and its API path", () => {
    expect(registryHostOf(ok("busybox"))).toBe("docker.io");
    expect(registryPathOf(ok("busybox"))).toBe("library/busybox");
    expect(registryPathOf(ok("127.0.0.1:5000/busybox"))).toBe("busybox");
    expect(repositoryOf(ok("127.0.0.1:5000/a/b:1"))).toBe("127.0.0.1:5000/a/b");
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseNsLink, readIdentities } from "./namespaces";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fakeProc(entries: Record<string, { cgroup?: string; ns: Record<string, string> }>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-proc-"));
  dirs.push(root);
  for (const [pid, e] of Object.entries(entries)) {
    fs.mkdirSync(path.join(root, pid, "ns"), { recursive: true });
    if (e.cgroup) fs.writeFileSync(path.join(root, pid, "cgroup"), e.cgroup);
    for (const [type, target] of Object.entries(e.ns))
      fs.symlinkSync(target, path.join(root, pid, "ns", type));
  }
  return root;
}

describe("parseNsLink", () => {
  it("reads the inode from a namespace link", () => {
    expect(parseNsLink("net:[4026531992]")).toBe(4026531992);
    expect(parseNsLink("pid_for_children:[1]")).toBe(1);
    expect(parseNsLink("garbage")).toBeUndefined();
  });
});

describe("readIdentities", () => {
  it("compares each namespace with the host's", () => {
    const root = fakeProc({
      self: { ns: { pid: "pid:[1]", net: "net:[2]" } },
      "42": { cgroup: "4:pids:/docker/abc123\n", ns: { pid: "pid:[99]", net: "net:[2]" } },
    });
    expect(readIdentities(42, "abc123", root)).toEqual([
      { type: "pid", inode: 99, sharedWithHost: false },
      { type: "net", inode: 2, sharedWithHost: true },
    ]);
  });

  it("refuses a pid whose cgroup does not name the container", () => {
    const root = fakeProc({ "42": { cgroup: "4:pids:/docker/other\n", ns: { pid: "pid:[99]" } } });
    expect(readIdentities(42, "abc123", root)).toBeUndefined();
    expect(readIdentities(0, "abc123", root)).toBeUndefined();
  });
});

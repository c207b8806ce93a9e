import { describe, expect, it } from "vitest";
import { changeCounts, changesTree } from "./changes-tree";
import { octalMode, permissionString } from "./mode";

describe("changesTree", () => {
  it("nests the engine's flat list under its folders, folders first", () => {
    const tree = changesTree([
      { path: "/new", kind: "A" },
      { path: "/etc", kind: "C" },
      { path: "/etc/group", kind: "D" },
      { path: "/etc/passwd", kind: "C" },
      { path: "/var/lib/x", kind: "A" },
    ]);

    expect(tree.map((n) => [n.name, n.kind, n.children.map((c) => c.name)])).toEqual([
      ["etc", "C", ["group", "passwd"]],
      ["var", undefined, ["lib"]],
      ["new", "A", []],
    ]);
    expect(tree[1]?.children[0]?.children[0]).toEqual({
      name: "x",
      path: "/var/lib/x",
      kind: "A",
      children: [],
    });
  });

  it("counts each kind", () => {
    expect(
      changeCounts([
        { path: "/a", kind: "A" },
        { path: "/b", kind: "A" },
        { path: "/c", kind: "D" },
      ]),
    ).toEqual({
      A: 2,
      C: 0,
      D: 1,
    });
  });
});

describe("modes", () => {
  it("prints octal with the special bits and the ls string", () => {
    expect(octalMode(0o40755)).toBe("0755");
    expect(octalMode(0o4755)).toBe("4755");
    expect(permissionString("dir", 0o755)).toBe("drwxr-xr-x");
    expect(permissionString("file", 0o4755)).toBe("-rwsr-xr-x");
    expect(permissionString("dir", 0o1777)).toBe("drwxrwxrwt");
    expect(permissionString("file", 0o2644)).toBe("-rw-r-Sr--");
    expect(permissionString("symlink", 0o777)).toBe("lrwxrwxrwx");
  });
});

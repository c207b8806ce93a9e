import type { Header } from "tar-stream";
import { describe, expect, it } from "vitest";
import { ancestorsOf, normalizeEntryPath, toLayerRow } from "./entry-path";

const header = (name: string, extra: Partial<Header> = {}): Header =>
  ({
    name,
    type: "file",
    size: 0,
    mode: 0o644,
    uid: 0,
    gid: 0,
    mtime: new Date(0),
    linkname: "",
    ...extra,
  }) as Header;

describe("layer tar entries", () => {
  it("normalizes ./ and trailing slashes so one folder has one name", () => {
    expect(normalizeEntryPath("./usr/bin/")).toBe("usr/bin");
    expect(normalizeEntryPath("/etc//passwd")).toBe("etc/passwd");
    expect(normalizeEntryPath("./")).toBe("");
  });

  it("reads .wh.<name> as a whiteout of <name> in the same folder", () => {
    expect(toLayerRow(header("etc/.wh.motd"))).toMatchObject({ dir: "etc", name: "motd", wh: 1 });
    expect(toLayerRow(header(".wh.var"))).toMatchObject({ dir: "", name: "var", wh: 1 });
  });

  it("reads .wh..wh..opq as an opaque mark on the folder that holds it", () => {
    expect(toLayerRow(header("usr/share/.wh..wh..opq"))).toMatchObject({
      dir: "usr",
      name: "share",
      wh: 2,
      type: "dir",
    });
  });

  it("keeps an ordinary entry with its type, size, mode, owner, time and link target", () => {
    const mtime = new Date(1_700_000_000_000);
    expect(
      toLayerRow(
        header("bin/ls", { type: "symlink", linkname: "busybox", uid: 5, gid: 6, mode: 0o777, mtime }),
      ),
    ).toEqual({
      dir: "bin",
      name: "ls",
      wh: 0,
      type: "symlink",
      size: 0,
      mode: 0o777,
      uid: 5,
      gid: 6,
      mtime: mtime.getTime(),
      linkTarget: "busybox",
    });
    expect(toLayerRow(header("a/.whatever"))).toMatchObject({ name: ".whatever", wh: 0 });
  });

  it("skips the root entry and names that climb out with ..", () => {
    expect(toLayerRow(header("./", { type: "directory" }))).toBeUndefined();
    expect(toLayerRow(header("../etc/passwd"))).toBeUndefined();
  });

  it("lists the folders above a path, the root first", () => {
    expect(ancestorsOf("a/b/c")).toEqual(["", "a", "a/b"]);
    expect(ancestorsOf("")).toEqual([]);
  });
});

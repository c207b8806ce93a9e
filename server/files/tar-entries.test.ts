import { describe, expect, it } from "vitest";
import { decodePathStat, statPermBits, statType } from "./path-stat";
import { archiveToPath, sortEntries, toFileEntry } from "./tar-entries";

const stat = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64");

describe("the engine's path stat", () => {
  it("decodes Go's file mode bits", () => {
    const dir = decodePathStat(
      stat({ name: "etc", size: 4096, mode: 2147484141, mtime: "t", linkTarget: "" }),
    );
    const sh = decodePathStat(
      stat({ name: "sh", size: 7, mode: 134218239, mtime: "t", linkTarget: "/bin/busybox" }),
    );

    expect([statType(dir?.mode ?? 0), statPermBits(dir?.mode ?? 0).toString(8)]).toEqual(["dir", "755"]);
    expect([statType(sh?.mode ?? 0), sh?.linkTarget]).toEqual(["symlink", "/bin/busybox"]);
    // setuid (1<<23) with 0755
    expect(statPermBits(2 ** 23 + 0o755).toString(8)).toBe("4755");
    expect(decodePathStat("not base64 json")).toBeUndefined();
  });
});

describe("archive names", () => {
  it("map back to container paths for a folder and for the root", () => {
    expect(archiveToPath("/etc", "etc", "etc/passwd")).toBe("/etc/passwd");
    expect(archiveToPath("/usr/bin", "bin", "bin/x/")).toBe("/usr/bin/x");
    expect(archiveToPath("/", "", "/bin/")).toBe("/bin");
    expect(archiveToPath("/etc", "etc", "etcetera/x")).toBeUndefined();
  });

  it("sorts folders first, then by name", () => {
    const e = (name: string, type: "file" | "dir") =>
      toFileEntry({ name, type: type === "dir" ? "directory" : "file" }, name, `/${name}`);
    expect(
      sortEntries([e("b", "file"), e("z", "dir"), e("a", "file"), e("c", "dir")]).map((x) => x.name),
    ).toEqual(["c", "z", "a", "b"]);
  });
});

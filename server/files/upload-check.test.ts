import tar from "tar-stream";
import { describe, expect, it } from "vitest";
import { checkUploadEntry } from "./upload-check";

const file = (name: string) => ({ name, type: "file", size: 3 });
const link = (name: string, linkname: string, type = "symlink") => ({ name, type, linkname });
const problemOf = (r: ReturnType<typeof checkUploadEntry>) => (r && "problem" in r ? r.problem : undefined);

describe("checkUploadEntry", () => {
  it("accepts relative names inside the target, normalizing ./ and trailing /", () => {
    expect(checkUploadEntry(file("./a/b.txt"), "/data")).toEqual({ name: "a/b.txt", type: "file", size: 3 });
    expect(checkUploadEntry({ name: "a/", type: "directory" }, "/data")).toEqual({
      name: "a",
      type: "dir",
      size: 0,
    });
    expect(checkUploadEntry({ name: "./", type: "directory" }, "/data")).toBeUndefined();
  });

  it.each([
    ["/etc/passwd", "absolute"],
    ["../x", '".."'],
    ["../../x", '".."'],
    ["a/../../x", '".."'],
    ["a/../b", '".."'],
    ["a\0b", "NUL"],
  ])("refuses the name %j", (name, why) => {
    expect(problemOf(checkUploadEntry(file(name), "/data"))).toContain(why);
  });

  it("refuses devices and fifos", () => {
    expect(problemOf(checkUploadEntry({ name: "null", type: "character-device" }, "/data"))).toContain(
      "cannot be uploaded",
    );
    expect(problemOf(checkUploadEntry({ name: "p", type: "fifo" }, "/data"))).toContain("cannot be uploaded");
  });

  it("keeps symlinks whose target stays inside the target folder", () => {
    expect(problemOf(checkUploadEntry(link("a/l", "../b"), "/data"))).toBeUndefined();
    expect(problemOf(checkUploadEntry(link("l", "./b/c"), "/data"))).toBeUndefined();
    expect(problemOf(checkUploadEntry(link("l", "/data/b"), "/data"))).toBeUndefined();
    expect(problemOf(checkUploadEntry(link("l", "/etc/passwd"), "/"))).toBeUndefined();
  });

  it.each([
    ["l", "../etc"],
    ["a/l", "../../etc"],
    ["l", "b/../../x"],
    ["l", "/etc/passwd"],
    ["l", "/database"],
    ["l", ""],
  ])("refuses the symlink %j -> %j", (name, target) => {
    expect(problemOf(checkUploadEntry(link(name, target), "/data"))).toBeDefined();
  });

  it("refuses hard links to anything but another entry", () => {
    expect(problemOf(checkUploadEntry(link("h", "a/b.txt", "link"), "/data"))).toBeUndefined();
    expect(problemOf(checkUploadEntry(link("h", "/etc/shadow", "link"), "/data"))).toContain("outside");
    expect(problemOf(checkUploadEntry(link("h", "../x", "link"), "/data"))).toContain("outside");
  });

  it("reads the headers of a real tar the same way", async () => {
    const pack = tar.pack();
    pack.entry({ name: "ok/", type: "directory" });
    pack.entry({ name: "ok/f.txt" }, "hi\n");
    pack.entry({ name: "../../x" }, "boom");
    pack.finalize();
    const extract = tar.extract();
    const problems: (string | undefined)[] = [];
    extract.on("entry", (h, body, next) => {
      problems.push(problemOf(checkUploadEntry(h, "/data")));
      body.on("end", () => next());
      body.resume();
    });
    await new Promise<void>((resolve, reject) => {
      extract.on("finish", resolve).on("error", reject);
      pack.pipe(extract);
    });

    expect(problems.map((p) => p?.includes('".."') ?? "ok")).toEqual(["ok", "ok", true]);
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import tar from "tar-stream";
import { describe, expect, it } from "vitest";
import { tarToZip } from "./zip-stream";

/** A folder as the engine archives it: a folder, files, a link, a hard link and a pipe. */
function folderTar(): tar.Pack {
  const pack = tar.pack();
  const mtime = new Date("2026-03-04T05:06:08Z");
  pack.entry({ name: "app/", type: "directory", mode: 0o755, mtime });
  pack.entry({ name: "app/run.sh", mode: 0o755, mtime }, "#!/bin/sh\necho hi\n");
  pack.entry({ name: "app/data.bin", mode: 0o600, mtime }, Buffer.alloc(70_000, 7));
  pack.entry({ name: "app/中文.txt", mode: 0o644, mtime }, "你好\n");
  pack.entry({ name: "app/current", type: "symlink", linkname: "run.sh", mode: 0o777, mtime });
  pack.entry({ name: "app/again", type: "link", linkname: "app/run.sh", mtime });
  pack.entry({ name: "app/pipe", type: "fifo", mtime });
  pack.finalize();
  return pack;
}

async function zipOf(pack: tar.Pack): Promise<{ zip: Buffer; entries: number; skipped: number }> {
  const extract = tar.extract();
  const chunks: Buffer[] = [];
  const done = tarToZip(extract, (c) => {
    chunks.push(Buffer.from(c));
    return Promise.resolve();
  });
  pack.pipe(extract);
  const r = await done;
  return { zip: Buffer.concat(chunks), ...r };
}

describe("tarToZip", () => {
  it("writes a ZIP that Python's zipfile reads back whole, CRCs, modes, links and UTF-8 names included", async () => {
    const { zip, entries, skipped } = await zipOf(folderTar());
    expect({ entries, skipped }).toEqual({ entries: 5, skipped: 2 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wharf-zip-")), "app.zip");
    fs.writeFileSync(file, zip);
    const script = [
      "import json, stat, sys, zipfile",
      "z = zipfile.ZipFile(sys.argv[1])",
      "assert z.testzip() is None",
      "out = {}",
      "for i in z.infolist():",
      "    m = i.external_attr >> 16",
      "    out[i.filename] = [i.file_size, oct(stat.S_IMODE(m)), 'l' if stat.S_ISLNK(m) else 'd' if stat.S_ISDIR(m) else 'f', z.read(i).decode('utf-8', 'replace')[:20], list(i.date_time)]",
      "print(json.dumps(out, ensure_ascii=False))",
    ].join("\n");
    const listed = JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as Record<
      string,
      [number, string, string, string, number[]]
    >;
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(Object.keys(listed)).toEqual([
      "app/",
      "app/run.sh",
      "app/data.bin",
      "app/中文.txt",
      "app/current",
    ]);
    expect(listed["app/"]?.slice(1, 3)).toEqual(["0o755", "d"]);
    expect(listed["app/run.sh"]).toEqual([18, "0o755", "f", "#!/bin/sh\necho hi\n", [2026, 3, 4, 5, 6, 8]]);
    expect(listed["app/data.bin"]?.slice(0, 3)).toEqual([70_000, "0o600", "f"]);
    expect(listed["app/中文.txt"]?.[3]).toBe("你好\n");
    expect(listed["app/current"]?.slice(0, 4)).toEqual([6, "0o777", "l", "run.sh"]);
  });

  it("waits for a slow reader: the bytes come out the same", async () => {
    const extract = tar.extract();
    const chunks: Buffer[] = [];
    const done = tarToZip(extract, async (c) => {
      chunks.push(Buffer.from(c));
      await new Promise((r) => setTimeout(r, 1));
    });
    folderTar().pipe(extract);
    await done;
    const fast = await zipOf(folderTar());
    expect(Buffer.concat(chunks).equals(fast.zip)).toBe(true);
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeTar } from "./tar";
import { zipEntries } from "./zip";

describe("zip to tar", () => {
  it("converts a zip made by the zip tool into a tar that tar lists and extracts", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-zip-"));
    try {
      fs.mkdirSync(path.join(dir, "ctx/sub"), { recursive: true });
      fs.writeFileSync(path.join(dir, "ctx/Dockerfile"), "FROM scratch\n");
      fs.writeFileSync(path.join(dir, "ctx/sub/run.sh"), "#!/bin/sh\necho hi\n".repeat(100), { mode: 0o755 });
      execFileSync("zip", ["-qr", "../ctx.zip", "."], { cwd: path.join(dir, "ctx") });
      const entries = zipEntries(fs.readFileSync(path.join(dir, "ctx.zip")), 1 << 20);
      fs.writeFileSync(path.join(dir, "ctx.tar"), writeTar(entries));
      const listed = execFileSync("tar", ["-tvf", "ctx.tar"], { cwd: dir, encoding: "utf8" });
      expect(listed).toMatch(/-rwxr-xr-x .* sub\/run\.sh/);
      fs.mkdirSync(path.join(dir, "out"));
      execFileSync("tar", ["-mxf", "../ctx.tar"], { cwd: path.join(dir, "out") });
      expect(fs.readFileSync(path.join(dir, "out/sub/run.sh"), "utf8")).toBe(
        "#!/bin/sh\necho hi\n".repeat(100),
      );
      expect(fs.readFileSync(path.join(dir, "out/Dockerfile"), "utf8")).toBe("FROM scratch\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses what is not a zip, and entries that leave the archive", () => {
    expect(() => zipEntries(Buffer.from("not a zip at all, really not"), 1000)).toThrow(/not a zip/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-zip-"));
    try {
      fs.mkdirSync(path.join(dir, "a"));
      fs.writeFileSync(path.join(dir, "x"), "x");
      execFileSync("zip", ["-q", "../evil.zip", "../x"], { cwd: path.join(dir, "a") });
      expect(() => zipEntries(fs.readFileSync(path.join(dir, "evil.zip")), 1000)).toThrow(
        /leaves the archive/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes long paths with the ustar prefix", () => {
    const name = `${"d".repeat(80)}/${"e".repeat(80)}/file.txt`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-tar-"));
    try {
      fs.writeFileSync(path.join(dir, "t.tar"), writeTar([{ kind: "file", name, data: Buffer.from("x") }]));
      expect(execFileSync("tar", ["-tf", "t.tar"], { cwd: dir, encoding: "utf8" }).trim()).toBe(name);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

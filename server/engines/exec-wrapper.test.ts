import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { NOT_FOUND_STATUS, isMissingShell, killCmd, parseMarker, wrappedCmd } from "./exec-wrapper";

const run = promisify(execFile);
const linux = process.platform === "linux" && fs.existsSync("/proc/self/stat");

/** Runs a wrapper command line on this machine's /bin/sh, as the container would. */
async function sh(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const [file, ...args] = argv as [string, ...string[]];
  try {
    const { stdout } = await run(file, args, { env, encoding: "buffer" });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: Buffer };
    return { code: err.code, out: err.stdout };
  }
}

const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) Z /s.test(stat);
  } catch {
    return false;
  }
};

describe("parseMarker", () => {
  const mark = (body: string) => `\x1b]wharf-exec;${body}\x07`;

  it("waits for a whole marker, then returns the pid and what followed it", () => {
    const full = Buffer.from(`${mark("pid:42:bash")}$ `);
    expect(parseMarker(full.subarray(0, 10))).toBeUndefined();
    const r = parseMarker(full);
    expect(r).toMatchObject({ kind: "pid", pid: 42, program: "bash" });
    expect(r?.kind === "pid" && r.rest.toString()).toBe("$ ");
  });

  it("reports a missing program", () => {
    expect(parseMarker(Buffer.from(mark("missing:zsh")))).toEqual({ kind: "missing", program: "zsh" });
  });

  it("hands back the engine's own words when the stream ends without a marker", () => {
    const text = 'OCI runtime exec failed: exec: "/bin/sh": stat /bin/sh: no such file or directory';
    expect(parseMarker(Buffer.from(text))).toBeUndefined();
    const r = parseMarker(Buffer.from(text), true);
    expect(r).toEqual({ kind: "none", text });
    expect(isMissingShell(text)).toBe(true);
    expect(isMissingShell('exec: "/bin/nosh": stat /bin/nosh: no such file')).toBe(false);
  });

  it("gives up on a preamble too long to be the wrapper's", () => {
    expect(parseMarker(Buffer.alloc(9000, 0x61))?.kind).toBe("none");
  });
});

describe.runIf(linux)("the wrapper on a real /bin/sh", () => {
  it("reports its pid and runs the command under that pid", async () => {
    const r = await sh(wrappedCmd(["sh", "-c", "echo $PPID-$$"]));
    const m = parseMarker(r.out);
    expect(m?.kind).toBe("pid");
    if (m?.kind !== "pid") return;
    // `exec` keeps the pid: the inner sh -c is the process whose pid was reported.
    expect(m.rest.toString().trim()).toMatch(new RegExp(`-${m.pid}$`));
    expect(m.program).toBe("sh");
  });

  it("refuses a program that is not there, before reporting a pid", async () => {
    const r = await sh(wrappedCmd(["no-such-program-wharf"]));
    expect(r.code).toBe(NOT_FOUND_STATUS);
    expect(parseMarker(r.out)).toEqual({ kind: "missing", program: "no-such-program-wharf" });
  });

  it("picks sh when bash is not on the PATH", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-wrap-"));
    fs.symlinkSync("/bin/sh", path.join(dir, "sh"));
    try {
      // Stdin at EOF, so the chosen shell exits at once.
      const r = await sh(["/bin/sh", "-c", 'exec "$@" </dev/null', "stdin", ...wrappedCmd()], {
        ...process.env,
        PATH: dir,
      });
      const m = parseMarker(r.out);
      expect(m?.kind === "pid" && m.program).toBe("sh");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(linux)("the kill script on a real /bin/sh", () => {
  it("ends a session leader, its background jobs and their children", async () => {
    // A shell in a session of its own with jobs in other process groups, as an interactive shell has.
    const leader = spawn("/bin/sh", ["-c", "set -m; sleep 300 & (sleep 301 & sleep 302; wait) & wait"], {
      detached: true,
      stdio: "ignore",
    });
    const pid = leader.pid as number;
    await new Promise((r) => setTimeout(r, 300));
    const { stdout } = await run("ps", ["-o", "pid=", "-s", String(pid)]);
    const members = stdout.split(/\s+/).filter(Boolean).map(Number);
    expect(members.length).toBeGreaterThanOrEqual(4);

    const [file, ...args] = killCmd(pid, "live") as [string, ...string[]];
    const out = await run(file, args);
    expect(Number(out.stdout.trim())).toBe(members.length);
    await new Promise((r) => setTimeout(r, 100));
    expect(members.filter(alive)).toEqual([]);
  });

  it("in gone mode leaves the pid itself alone and still sweeps its session", async () => {
    const leader = spawn("/bin/sh", ["-c", "sleep 300 & exec sleep 303"], {
      detached: true,
      stdio: "ignore",
    });
    const pid = leader.pid as number;
    await new Promise((r) => setTimeout(r, 300));
    const { stdout } = await run("ps", ["-o", "pid=", "-s", String(pid)]);
    const others = stdout
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .filter((p) => p !== pid);
    expect(others.length).toBe(1);
    const [file, ...args] = killCmd(pid, "gone") as [string, ...string[]];
    await run(file, args);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(true);
    expect(others.filter(alive)).toEqual([]);
    process.kill(pid, "SIGKILL");
  });
});

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

/** Every process in session `sid`, as `ps -s` lists them, with its arguments joined by spaces. */
function session(sid: number): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // After the command in parentheses: state, ppid, pgrp, session.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[3]) !== sid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
      found.push({ pid: Number(entry), cmd });
    } catch {
      // It ended between the listing and the read.
    }
  }
  return found;
}

/** Kills what is left of a test's session, so a failing test leaks no process. */
function sweep(sid: number) {
  for (const p of session(sid)) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** Reads `probe` until `done` holds or `ms` pass, and returns the last reading for the test to judge. */
async function poll<T>(probe: () => T, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

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
  // Real processes and the script's own grace period: about 2 s each, several times that under load.
  it("ends a session leader, its background jobs and their children", async () => {
    // A shell in a session of its own with jobs in other process groups, as an interactive shell has.
    const leader = spawn("/bin/sh", ["-c", "set -m; sleep 300 & (sleep 301 & sleep 302; wait) & wait"], {
      detached: true,
      stdio: "ignore",
    });
    const pid = leader.pid as number;
    try {
      const sleeps = ["sleep 300", "sleep 301", "sleep 302"];
      const procs = await poll(
        () => session(pid),
        (ps) => sleeps.every((c) => ps.some((p) => p.cmd === c)),
      );
      const members = procs.map((p) => p.pid);
      expect(members.length).toBeGreaterThanOrEqual(4);

      const [file, ...args] = killCmd(pid, "live") as [string, ...string[]];
      const out = await run(file, args);
      expect(Number(out.stdout.trim())).toBe(members.length);
      const left = await poll(
        () => members.filter(alive),
        (l) => !l.length,
      );
      expect(left).toEqual([]);
    } finally {
      sweep(pid);
    }
  }, 20_000);

  it("in gone mode leaves the pid itself alone and still sweeps its session", async () => {
    const leader = spawn("/bin/sh", ["-c", "sleep 300 & exec sleep 303"], {
      detached: true,
      stdio: "ignore",
    });
    const pid = leader.pid as number;
    try {
      const procs = await poll(
        () => session(pid),
        (ps) =>
          ps.some((p) => p.pid === pid && p.cmd === "sleep 303") && ps.some((p) => p.cmd === "sleep 300"),
      );
      const others = procs.map((p) => p.pid).filter((p) => p !== pid);
      expect(others.length).toBe(1);
      const [file, ...args] = killCmd(pid, "gone") as [string, ...string[]];
      await run(file, args);
      // The others being gone shows the signals have landed; one sent to the pid as well would have too.
      const left = await poll(
        () => others.filter(alive),
        (l) => !l.length,
      );
      expect(left).toEqual([]);
      expect(alive(pid)).toBe(true);
    } finally {
      sweep(pid);
    }
  }, 20_000);
});

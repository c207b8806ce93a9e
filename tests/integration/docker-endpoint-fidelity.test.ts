import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RUN_ID,
  docker,
  engineSocket,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

/**
 * The docker CLI through Wharf with an unscoped admin token, against the same CLI on the engine's
 * own socket: the same bytes and figures out of both, and nothing left behind by killed clients.
 */
let srv: TestServer;
let admin: Client;
let config: string;
const P = `${RUN_ID}-df`;
const REGISTRY = `127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-df-"));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The docker CLI, through Wharf (`via: "wharf"`) or on the engine's socket, with stdin from a file. */
function cli(via: "wharf" | "raw", args: string[], stdinFile?: string): Promise<CliResult> {
  const host =
    via === "wharf"
      ? `tcp://${new URL(srv.base).host}/api/v1/hosts/local/docker`
      : `unix://${engineSocket("local")}`;
  return new Promise((resolve) => {
    const child = execFile(
      "docker",
      ["-H", host, ...args],
      {
        env: { ...process.env, DOCKER_CONFIG: config, DOCKER_BUILDKIT: "0" },
        timeout: 120_000,
        maxBuffer: 256 * 1024 * 1024,
        encoding: "buffer",
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout: stdout.toString("latin1").trim(), stderr: stderr.toString("utf8").trim() });
      },
    );
    if (stdinFile) fs.createReadStream(stdinFile).pipe(child.stdin ?? process.stdout);
    else child.stdin?.end();
  });
}

const sha = (s: string) => crypto.createHash("sha256").update(s, "latin1").digest("hex");

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  const t = await admin.send<{ token: string }>("POST", "/api/v1/tokens", {
    name: `${P}-admin`,
    role: "admin",
  });
  config = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-df-cfg-"));
  fs.writeFileSync(
    path.join(config, "config.json"),
    JSON.stringify({ HttpHeaders: { Authorization: `Bearer ${t.body.token}` } }),
  );
}, 60_000);

afterAll(async () => {
  await removeByPrefix(P);
  for (const ref of [`${P}-built:1`, `${REGISTRY}/wharf-it/${P}:1`, `${P}-loaded:1`])
    await docker("local", "rmi", "-f", ref).catch(() => "");
  await srv?.stop();
  for (const d of [tmp, config]) fs.rmSync(d, { recursive: true, force: true });
});

describe("the docker CLI through Wharf matches the raw socket", () => {
  it("builds from a tar context", async () => {
    const ctx = path.join(tmp, "ctx");
    fs.mkdirSync(ctx);
    fs.writeFileSync(
      path.join(ctx, "Dockerfile"),
      `FROM local/busybox:1.35\nCOPY hello /hello\nRUN cat /hello\n`,
    );
    fs.writeFileSync(path.join(ctx, "hello"), `${P}\n`);
    const tar = path.join(tmp, "ctx.tar");
    await promisify(execFile)("tar", ["-C", ctx, "-cf", tar, "Dockerfile", "hello"]);
    const built = await cli("wharf", ["build", "-q", "-t", `${P}-built:1`, "-"], tar);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await docker("local", "image", "inspect", "-f", "{{.Id}}", `${P}-built:1`)).toBe(built.stdout);
    expect(await docker("local", "run", "--rm", "--network", "none", `${P}-built:1`, "cat", "/hello")).toBe(
      P,
    );
  });

  it("pulls from the loopback registry the image the raw socket pushed", async () => {
    const ref = `${REGISTRY}/wharf-it/${P}:1`;
    await docker("local", "tag", "local/busybox:1.35", ref);
    await docker("local", "push", ref);
    const id = await docker("local", "image", "inspect", "-f", "{{.Id}}", ref);
    await docker("local", "rmi", ref);
    const pulled = await cli("wharf", ["pull", ref]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain(`Status: Downloaded newer image for ${ref}`);
    expect(await docker("local", "image", "inspect", "-f", "{{.Id}}", ref)).toBe(id);
  });

  it("saves the same bytes, and loads them back", async () => {
    const raw = await cli("raw", ["save", "local/busybox:1.35"]);
    const via = await cli("wharf", ["save", "local/busybox:1.35"]);
    expect(via.code).toBe(0);
    expect(via.stdout.length).toBeGreaterThan(100_000);
    expect(sha(via.stdout)).toBe(sha(raw.stdout));
    const tar = path.join(tmp, "busybox.tar");
    fs.writeFileSync(tar, Buffer.from(via.stdout, "latin1"));
    await docker("local", "tag", "local/busybox:1.35", `${P}-loaded:1`);
    await docker("local", "rmi", `${P}-loaded:1`);
    const loaded = await cli("wharf", ["load", "-i", tar]);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain("local/busybox:1.35");
  });

  it("prints the same events --since … --until, and the same system df counts", async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    await runFixture("local", `${P}-ev`, "local/idle:1");
    await docker("local", "rm", "-f", `${P}-ev`);
    const until = Math.floor(Date.now() / 1000) + 1;
    await new Promise((r) => setTimeout(r, 1200));
    const args = [
      "events",
      "--since",
      String(since),
      "--until",
      String(until),
      "--filter",
      `container=${P}-ev`,
    ];
    const raw = await cli("raw", [...args, "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"]);
    const via = await cli("wharf", [...args, "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}"]);
    expect(via.stdout).toBe(raw.stdout);
    expect(via.stdout).toContain(`container destroy ${P}-ev`);
    const df = ["system", "df", "--format", "{{.Type}} {{.TotalCount}}"];
    expect((await cli("wharf", df)).stdout).toBe((await cli("raw", df)).stdout);
  });
});

describe("killed clients leave nothing behind", () => {
  /** A CLI in a pty, killed with its whole process group once its session is up. */
  async function killedSession(args: string[], up: () => Promise<boolean>): Promise<void> {
    const url = `tcp://${new URL(srv.base).host}/api/v1/hosts/local/docker`;
    const line = ["docker", "-H", url, ...args].map((a) => `'${a}'`).join(" ");
    const child = spawn("script", ["-qec", line, "/dev/null"], {
      env: { ...process.env, DOCKER_CONFIG: config },
      detached: true,
      stdio: "ignore",
    });
    await waitFor(async () => (await up()) || undefined, 20_000, `session up: ${args.join(" ")}`);
    process.kill(-(child.pid ?? 0), "SIGKILL");
  }

  it("50 run -it --rm sessions killed mid-way leave 0 containers", async () => {
    const names = Array.from({ length: 50 }, (_, i) => `${P}-lo${i}`);
    for (let i = 0; i < names.length; i += 10)
      await Promise.all(
        names
          .slice(i, i + 10)
          .map((name) =>
            killedSession(
              ["run", "-it", "--rm", "--network", "none", "--name", name, "local/busybox:1.35", "sh"],
              async () =>
                (await docker("local", "inspect", "-f", "{{.State.Running}}", name).catch(() => "")) ===
                "true",
            ),
          ),
      );
    await waitFor(
      async () => (await docker("local", "ps", "-aq", "--filter", `name=${P}-lo`)) === "" || undefined,
      30_000,
      "every killed run -it --rm container gone",
    );
  });
});

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../lib/types";
import { parseHostsSetting } from "../../server/engines/host-spec";
import {
  ENGINES_DIR,
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

/**
 * The docker CLI itself, through Wharf's Docker endpoint, with a token per role and team: what it
 * prints is the test, and the engine's own socket is the second opinion.
 */
let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-dk`;
const TEAM_A = `team=a${P}`;
const TEAM_B = `team=b${P}`;
const REGISTRY = `127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`;
const configs: string[] = [];

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A DOCKER_CONFIG directory whose config.json sends the token, as the endpoint's docs say. */
function configFor(token: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-dk-"));
  fs.writeFileSync(
    path.join(dir, "config.json"),
    JSON.stringify({ HttpHeaders: { Authorization: `Bearer ${token}` } }),
  );
  configs.push(dir);
  return dir;
}

function cli(config: string, host: string, args: string[], tty = false): Promise<CliResult> {
  const url = `tcp://${new URL(srv.base).host}/api/v1/hosts/${host}/docker`;
  const argv = ["-H", url, ...args];
  // -it needs a terminal: `script` gives the CLI a pty.
  const [cmd, cmdArgs] = tty
    ? [
        "script",
        ["-qec", ["docker", ...argv].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" "), "/dev/null"],
      ]
    : ["docker", argv];
  return new Promise((resolve) => {
    execFile(
      cmd,
      cmdArgs,
      { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_BUILDKIT: "0" }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() });
      },
    );
  });
}

async function token(
  name: string,
  role: string,
  labelSelector?: string,
): Promise<{ id: number; config: string; secret: string }> {
  const r = await admin.send<{ token: string; item: { id: number } }>("POST", "/api/v1/tokens", {
    name: `${P}-${name}`,
    role,
    ...(labelSelector ? { labelSelector } : {}),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: r.body.item.id, config: configFor(r.body.token), secret: r.body.token };
}

let opA: { id: number; config: string; secret: string };
let viewerA: { id: number; config: string; secret: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  // The test engines and, over SSH, the local engine again: every transport behind the endpoint.
  srv = await startServer({ hosts: parseHostsSetting(path.join(ENGINES_DIR, "hosts-ssh.json")) });
  admin = await login(srv.base);
  await waitHostsUp(admin);
  opA = await token("op-a", "operator", TEAM_A);
  viewerA = await token("view-a", "viewer", TEAM_A);
  ids.a = await runFixture("local", `${P}-a1`, "local/ticker:1", ["--label", TEAM_A]);
  ids.b = await runFixture("local", `${P}-b1`, "local/idle:1", ["--label", TEAM_B]);
}, 60_000);

afterAll(async () => {
  await removeByPrefix(P);
  await docker("local", "network", "rm", `${P}-net`).catch(() => "");
  for (const ref of [`${REGISTRY}/wharf-it/${P}-a:1`, `${P}-a-built:1`, `${P}-a-snap:1`, `${P}-a-snap:2`])
    await docker("local", "rmi", ref).catch(() => "");
  for (const v of ["va", "vb"]) await docker("local", "volume", "rm", "-f", `${P}-${v}`).catch(() => "");
  await srv?.stop();
  for (const d of configs) fs.rmSync(d, { recursive: true, force: true });
});

describe("an operator token limited to team a, through the docker CLI", () => {
  it("docker ps -a shows exactly team a's containers", async () => {
    const r = await cli(opA.config, "local", ["ps", "-a", "--no-trunc", "--format", "{{.ID}}"]);
    expect(r.stderr).toBe("");
    const engine = await docker("local", "ps", "-a", "--no-trunc", "-q", "--filter", `label=${TEAM_A}`);
    expect(r.stdout.split("\n").filter(Boolean).sort()).toEqual(engine.split("\n").filter(Boolean).sort());
    expect(r.stdout).toContain(ids.a);
    expect(r.stdout).not.toContain(ids.b);
  });

  it("runs a container with the team's label, and refuses one without it", async () => {
    const hi = await cli(opA.config, "local", [
      "run",
      "--rm",
      "--network",
      "none",
      "--label",
      TEAM_A,
      "local/busybox:1.35",
      "echo",
      "hi",
    ]);
    expect([hi.code, hi.stdout]).toEqual([0, "hi"]);
    const bare = await cli(opA.config, "local", [
      "run",
      "--rm",
      "--network",
      "none",
      "local/busybox:1.35",
      "true",
    ]);
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toContain(`add --label ${TEAM_A}`);
  });

  it("runs -it with a pty, and exec -it", async () => {
    const run = await cli(
      opA.config,
      "local",
      [
        "run",
        "-it",
        "--rm",
        "--network",
        "none",
        "--label",
        TEAM_A,
        "local/busybox:1.35",
        "sh",
        "-c",
        "echo $((6*7))",
      ],
      true,
    );
    expect(run.stdout).toContain("42");
    const exec = await cli(
      opA.config,
      "local",
      ["exec", "-it", `${P}-a1`, "sh", "-c", "echo $((6*7))"],
      true,
    );
    expect(exec.stdout).toContain("42");
  });

  it("streams logs -f, copies files both ways, and answers stats --no-stream", async () => {
    const logs = await cli(opA.config, "local", ["logs", "--tail", "2", `${P}-a1`]);
    expect(logs.code).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-dk-cp-"));
    configs.push(dir);
    fs.writeFileSync(path.join(dir, "in.txt"), `${P} in\n`);
    expect(
      (await cli(opA.config, "local", ["cp", path.join(dir, "in.txt"), `${P}-a1:/tmp/in.txt`])).code,
    ).toBe(0);
    expect(await docker("local", "exec", `${P}-a1`, "cat", "/tmp/in.txt")).toBe(`${P} in`);
    expect(
      (await cli(opA.config, "local", ["cp", `${P}-a1:/tmp/in.txt`, path.join(dir, "out.txt")])).code,
    ).toBe(0);
    expect(fs.readFileSync(path.join(dir, "out.txt"), "utf8")).toBe(`${P} in\n`);
    const stats = await cli(opA.config, "local", [
      "stats",
      "--no-stream",
      "--format",
      "{{.Name}}",
      `${P}-a1`,
    ]);
    expect([stats.code, stats.stdout]).toEqual([0, `${P}-a1`]);
  });

  it("answers No such container for team b's, by name and id, and the engine still has it", async () => {
    for (const ref of [`${P}-b1`, ids.b ?? "", (ids.b ?? "").slice(0, 12)]) {
      // The CLI's rm -f says nothing of a container that does not exist (exit 0), so it says nothing here.
      const rmf = await cli(opA.config, "local", ["rm", "-f", ref]);
      expect(rmf.stdout, ref).toBe("");
      for (const args of [
        ["rm", ref],
        ["stop", ref],
        ["logs", ref],
        ["exec", ref, "true"],
      ]) {
        const r = await cli(opA.config, "local", args);
        expect(r.code, args.join(" ")).not.toBe(0);
        expect(r.stderr, args.join(" ")).toContain(`No such container: ${ref}`);
      }
      // inspect asks every kind of object in turn, and says what it says of a name nothing has.
      const inspect = await cli(opA.config, "local", ["inspect", ref]);
      expect([inspect.code, inspect.stderr]).toEqual([1, `Error: No such object: ${ref}`]);
    }
    expect(await docker("local", "inspect", "-f", "{{.State.Running}}", ids.b ?? "")).toBe("true");
  });

  it("refuses --privileged and a bind of the host's root", async () => {
    const priv = await cli(opA.config, "local", [
      "run",
      "--rm",
      "--privileged",
      "--network",
      "none",
      "--label",
      TEAM_A,
      "local/busybox:1.35",
      "true",
    ]);
    expect(priv.code).not.toBe(0);
    expect(priv.stderr).toMatch(/Privileged/);
    const bind = await cli(opA.config, "local", [
      "run",
      "--rm",
      "-v",
      "/:/host",
      "--network",
      "none",
      "--label",
      TEAM_A,
      "local/busybox:1.35",
      "true",
    ]);
    expect(bind.code).not.toBe(0);
    expect(bind.stderr).toMatch(/Binds/);
  });

  it("labels what it creates, keeps to its own objects in a network's body, and leaves loads to the Images page", async () => {
    const bare = await cli(opA.config, "local", ["volume", "create", `${P}-v0`]);
    expect(bare.stderr).toContain(`add --label ${TEAM_A}`);
    const vol = await cli(opA.config, "local", ["volume", "create", "--label", TEAM_A, `${P}-va`]);
    expect([vol.code, vol.stdout]).toEqual([0, `${P}-va`]);
    await docker("local", "volume", "create", "--label", TEAM_B, `${P}-vb`);
    // A volume on the host's own root, and a network on its own interfaces, are host access.
    const rootVol = await cli(opA.config, "local", [
      "volume",
      "create",
      "--label",
      TEAM_A,
      "-o",
      "type=none",
      "-o",
      "o=bind",
      "-o",
      "device=/",
      `${P}-vroot`,
    ]);
    expect(rootVol.stderr).toContain("DriverOpts: only an admin may mount the volume");
    const macvlan = await cli(opA.config, "local", [
      "network",
      "create",
      "-d",
      "macvlan",
      "--label",
      TEAM_A,
      `${P}-mv`,
    ]);
    expect(macvlan.stderr).toContain("Driver: only an admin may create a macvlan network");
    expect(await docker("local", "volume", "ls", "-q", "--filter", `name=${P}-vroot`)).toBe("");
    const ls = await cli(opA.config, "local", ["volume", "ls", "-q"]);
    expect(ls.stdout.split("\n")).toContain(`${P}-va`);
    expect(ls.stdout).not.toContain(`${P}-vb`);
    // An internal network of team a's: nothing can leave it.
    await docker("local", "network", "create", "--internal", "--label", TEAM_A, `${P}-net`);
    const connect = await cli(opA.config, "local", ["network", "connect", `${P}-net`, `${P}-b1`]);
    expect(connect.code).not.toBe(0);
    expect(connect.stderr).toContain(`No such container: ${P}-b1`);
    expect(
      await docker("local", "inspect", "-f", "{{json .NetworkSettings.Networks}}", ids.b ?? ""),
    ).not.toContain(`${P}-net`);
    // A load names its images from inside the tar, which cannot be checked first.
    const tarDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-dk-load-"));
    configs.push(tarDir);
    fs.writeFileSync(path.join(tarDir, "x.tar"), Buffer.alloc(1024));
    const load = await cli(opA.config, "local", ["load", "-i", path.join(tarDir, "x.tar")]);
    expect(load.code).not.toBe(0);
    expect(load.stderr).toContain("Images page");
  });

  it("builds, commits and tags as the Images page does: never over another team's name, and the image is the team's", async () => {
    const ctxDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-dk-build-"));
    configs.push(ctxDir);
    fs.writeFileSync(path.join(ctxDir, "Dockerfile"), `FROM local/idle:1\nLABEL built.by=${P}\n`);
    const listed = async (c: string) =>
      (await cli(c, "local", ["images", "--format", "{{.Repository}}:{{.Tag}}"])).stdout.split("\n");
    const viewerB = await token("view-b2", "viewer", TEAM_B);
    // Over a name team b's container uses: refused before anything is built.
    const taken = await cli(opA.config, "local", ["build", "-q", "-t", "local/idle:1", ctxDir]);
    expect(taken.stderr).toMatch(/t: local\/idle:1 already names an image outside your scope/);
    const built = await cli(opA.config, "local", ["build", "-q", "-t", `${P}-a-built:1`, ctxDir]);
    expect(built.code, built.stderr).toBe(0);
    expect(await docker("local", "image", "inspect", "-f", "{{.Id}}", `${P}-a-built:1`)).toBe(built.stdout);
    expect(await listed(opA.config)).toContain(`${P}-a-built:1`);
    expect(await listed(viewerB.config)).not.toContain(`${P}-a-built:1`);
    // A commit of team a's container, then a second name for it; another team's name is refused.
    const snap = await cli(opA.config, "local", ["commit", `${P}-a1`, `${P}-a-snap:1`]);
    expect(snap.code, snap.stderr).toBe(0);
    expect(await listed(opA.config)).toContain(`${P}-a-snap:1`);
    expect(await listed(viewerB.config)).not.toContain(`${P}-a-snap:1`);
    expect((await cli(opA.config, "local", ["tag", `${P}-a-snap:1`, `${P}-a-snap:2`])).code).toBe(0);
    expect(await docker("local", "image", "inspect", "-f", "{{.Id}}", `${P}-a-snap:2`)).toBe(
      await docker("local", "image", "inspect", "-f", "{{.Id}}", `${P}-a-snap:1`),
    );
    const over = await cli(opA.config, "local", ["tag", `${P}-a-snap:1`, "local/idle:1"]);
    expect(over.stderr).toMatch(
      /repo: (docker\.io\/)?local\/idle:1 already names an image outside your scope/,
    );
    const overCommit = await cli(opA.config, "local", ["commit", `${P}-a1`, "local/idle:1"]);
    expect(overCommit.stderr).toMatch(/already names an image outside your scope/);
  });

  it("pulls as the Images page does: not over another team's image, and what it pulls is the team's", async () => {
    // team b's container runs local/idle:1: that name is not team a's to pull over.
    const taken = await cli(opA.config, "local", ["pull", "-q", "local/idle:1"]);
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toMatch(
      /fromImage: (docker\.io\/)?local\/idle:1 already names an image outside your scope/,
    );
    // Every tag at once cannot be checked name by name.
    const all = await cli(opA.config, "local", ["pull", "-a", `${REGISTRY}/wharf-it/${P}-a`]);
    expect(all.stderr).toContain("one tag at a time");
    // An image only team a has, put in the loopback registry and gone from the engine.
    const ref = `${REGISTRY}/wharf-it/${P}-a:1`;
    await docker(
      "local",
      "run",
      "--network",
      "none",
      "--name",
      `${P}-seed`,
      "local/busybox:1.35",
      "sh",
      "-c",
      `echo ${P} > /p`,
    );
    await docker("local", "commit", `${P}-seed`, ref);
    await docker("local", "push", ref);
    const id = await docker("local", "image", "inspect", "-f", "{{.Id}}", ref);
    await docker("local", "rmi", ref);
    const pulled = await cli(opA.config, "local", ["pull", ref]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain(`Status: Downloaded newer image for ${ref}`);
    expect(await docker("local", "image", "inspect", "-f", "{{.Id}}", ref)).toBe(id);
    // Listed for team a at once; never for team b.
    const listed = (c: string) => cli(c, "local", ["images", "-q", "--no-trunc"]);
    expect((await listed(opA.config)).stdout.split("\n")).toContain(id);
    const viewerB = await token("view-b", "viewer", TEAM_B);
    expect((await listed(viewerB.config)).stdout).not.toContain(id);
    // A pull the registry cannot answer fails with the engine's words, and records nothing.
    const missing = await cli(opA.config, "local", ["pull", `${REGISTRY}/wharf-it/${P}-none:1`]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("not found");
  });

  it("records what it changed in the audit log, under the token's name", async () => {
    const r = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?limit=200");
    const mine = r.body.items.filter((e) => e.user === `token:${P}-op-a`);
    const actions = new Set(mine.map((e) => e.action));
    expect(actions).toContain("docker POST /containers/create");
    expect(actions).toContain("docker POST /containers/{id}/exec");
    expect(actions).toContain("docker GET /containers/{id}/archive");
    expect(mine.some((e) => e.action === "docker DELETE /containers/{id}" && e.result === "error")).toBe(
      true,
    );
  });
});

describe("every transport", () => {
  it.each(["edge", "secure", "sshhost"])(
    "runs, attaches and runs -it on %s as on the unix socket",
    async (host) => {
      const run = ["run", "--rm", "--network", "none", "--label", TEAM_A, "local/busybox:1.35"];
      const hi = await cli(opA.config, host, [...run, "echo", `hi ${host}`]);
      expect([hi.code, hi.stdout, hi.stderr]).toEqual([0, `hi ${host}`, ""]);
      const tty = await cli(
        opA.config,
        host,
        ["run", "-it", ...run.slice(1), "sh", "-c", "echo $((6*7))"],
        true,
      );
      expect(tty.stdout).toContain("42");
    },
  );
});

describe("other tokens", () => {
  it("lets a viewer list but not stop", async () => {
    const ps = await cli(viewerA.config, "local", ["ps", "-q"]);
    expect(ps.code).toBe(0);
    const stop = await cli(viewerA.config, "local", ["stop", `${P}-a1`]);
    expect(stop.code).not.toBe(0);
    expect(stop.stderr).toContain("the viewer role may not do this");
    expect(await docker("local", "inspect", "-f", "{{.State.Running}}", ids.a ?? "")).toBe("true");
  });

  it("answers 401 to a revoked token and to none, and the CLI says so", async () => {
    const t = await token("gone", "operator", TEAM_A);
    expect((await admin.send("DELETE", `/api/v1/tokens/${t.id}`)).status).toBeLessThan(300);
    const r = await cli(t.config, "local", ["ps"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("unknown, expired or revoked");
    const none = await fetch(`${srv.base}/api/v1/hosts/local/docker/_ping`, {
      headers: { cookie: admin.cookie },
    });
    expect(none.status).toBe(401);
  });

  it("refuses a path outside the policy table, never passing it on", async () => {
    const t = await token("admin", "admin");
    const headers = { authorization: `Bearer ${t.secret}` };
    const odd = await fetch(`${srv.base}/api/v1/hosts/local/docker/v1.41/containers/x/secret-door`, {
      method: "POST",
      headers,
    });
    expect(odd.status).toBe(403);
    expect(((await odd.json()) as { message: string }).message).toContain(
      "not in the endpoint's policy table",
    );
    const ping = await fetch(`${srv.base}/api/v1/hosts/local/docker/_ping`, { headers });
    expect([ping.status, ping.headers.get("api-version")]).toEqual([200, "1.41"]);
  });
});

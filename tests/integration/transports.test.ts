import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostDisk } from "../../lib/disk";
import type { HistoryAnswer } from "../../lib/metrics";
import type { Overview } from "../../lib/overview";
import type { ContainerList, HostSummary } from "../../lib/types";
import { parseHostsSetting } from "../../server/engines/host-spec";
import {
  ENGINES_DIR,
  RUN_ID,
  docker,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  waitFor,
  type Client,
  type TestServer,
} from "./harness";
import { df, expectDfLike } from "./fixtures/df";

const SSH_HOSTS = path.join(ENGINES_DIR, "hosts-ssh.json");
const TLS = path.join(ENGINES_DIR, "tls");
const P = `${RUN_ID}-tr`;
/** Connections the test SSH host's sshd has let in so far, from its log. */
const accepted = () =>
  (fs.readFileSync(path.join(ENGINES_DIR, "ssh", "log"), "utf8").match(/Accepted publickey/g) ?? []).length;
const securePort = () => {
  const secure = parseHostsSetting(path.join(ENGINES_DIR, "hosts.json")).find((h) => h.id === "secure");
  return secure?.connection.port ?? 23760;
};

describe("the TLS engine refuses clients without a certificate", () => {
  it("rejects a plain HTTPS request that presents no client cert", async () => {
    const err = await new Promise<Error | undefined>((resolve) => {
      const req = https.request(
        {
          host: "127.0.0.1",
          port: securePort(),
          path: "/_ping",
          ca: fs.readFileSync(path.join(TLS, "ca.pem")),
        },
        (res) => {
          res.resume();
          resolve(undefined);
        },
      );
      req.on("error", resolve);
      req.end();
    });
    expect(err).toBeInstanceOf(Error);
  });
});

describe("ssh and a misconfigured TLS host side by side", () => {
  let srv: TestServer;
  let admin: Client;

  beforeAll(async () => {
    const hosts = [
      ...parseHostsSetting(SSH_HOSTS),
      // The client's own cert as the CA: the engine's cert cannot verify, so this host must go down, alone.
      ...parseHostsSetting(
        JSON.stringify([
          {
            id: "badtls",
            url: `https://127.0.0.1:${securePort()}`,
            tls: {
              ca: path.join(TLS, "cert.pem"),
              cert: path.join(TLS, "cert.pem"),
              key: path.join(TLS, "key.pem"),
            },
          },
        ]),
      ),
    ];
    // Collected every second, so the SSH host's history fills in a test's time.
    srv = await startServer({ hosts, metricsIntervalMs: 1000 });
    admin = await login(srv.base);
  }, 60_000);

  afterAll(async () => {
    await removeByPrefix(P);
    await srv?.stop();
  });

  it("lists the local engine over ssh exactly as the CLI does, while the bad TLS host is down", async () => {
    const hosts = await waitFor(
      async () => {
        const r = await admin.get<{ items: HostSummary[] }>("/api/v1/hosts");
        const by = (id: string) => r.body.items.find((h) => h.id === id)?.status;
        return by("sshhost") === "up" && by("badtls") === "down" ? r.body.items : undefined;
      },
      20_000,
      "sshhost up and badtls down",
    );
    expect(hosts.find((h) => h.id === "sshhost")?.kind).toBe("ssh");
    expect(hosts.find((h) => h.id === "badtls")?.error).toMatch(/certificate|self.signed|verify/i);
    const cli = (await docker("local", "ps", "-aq", "--no-trunc")).split("\n").filter(Boolean).sort();
    const res = await admin.get<ContainerList>("/api/v1/hosts/sshhost/containers");
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.id).sort()).toEqual(cli);
  });

  it("serves many calls over a few SSH connections, and keeps the SSH host's stats history in the background", async () => {
    const id = await runFixture("local", `${P}-ssh`, "local/idle:1");
    await waitFor(
      async () => (await admin.get(`/api/v1/hosts/sshhost/containers/${id}`)).status === 200 || undefined,
      10_000,
      "the container seen over ssh",
    );
    const before = accepted();
    // Each inspect is an engine call: 15 one after another, then 15 at once.
    for (let i = 0; i < 15; i++)
      expect((await admin.get(`/api/v1/hosts/sshhost/containers/${id}`)).status).toBe(200);
    const many = await Promise.all(
      Array.from({ length: 15 }, () => admin.get(`/api/v1/hosts/sshhost/containers/${id}`)),
    );
    expect(many.map((r) => r.status)).toEqual(many.map(() => 200));
    // sshd logs each connection it lets in: a connection per call would be 30 here.
    const opened = accepted() - before;
    expect(opened).toBeLessThanOrEqual(3);
    // Nobody watches the container; the collector reads it over SSH every second.
    const points = await waitFor(
      async () => {
        const r = await admin.get<HistoryAnswer>(
          `/api/v1/hosts/sshhost/containers/${id}/history?metric=memory`,
        );
        return r.status === 200 && r.body.points.length ? r.body.points : undefined;
      },
      30_000,
      "stored memory points of the container over ssh",
    );
    expect(points.at(-1)?.last).toBeGreaterThan(0);
    expect(srv.wharf.realtime.stats.counters().upstream).toBe(0);
  });

  it("measures the SSH host's disk with a probe container, as df does, and leaves no probe behind", async () => {
    const disk = await waitFor(
      async () => {
        const r = await admin.get<Overview>("/api/v1/overview");
        const d = r.body.hosts.find((h) => h.id === "sshhost")?.disk;
        return d;
      },
      30_000,
      "the SSH host's disk on the overview",
    );
    expect(disk.state, JSON.stringify(disk)).toBe("known");
    const d = disk as Extract<HostDisk, { state: "known" }>;
    // Reached over SSH, the engine's data root is not this process's to statfs.
    expect(d.how).toBe("probe");
    const root = await docker("local", "info", "-f", "{{.DockerRootDir}}");
    expect(d.path).toBe(root);
    const oracle = await df(root);
    expect(d.size).toBe(oracle.size);
    expectDfLike(d.percent, oracle.capacity);
    await waitFor(
      async () => (await docker("local", "ps", "-aq", "--filter", "label=wharf.probe")) === "" || undefined,
      10_000,
      "no probe container left",
    );
  });
});

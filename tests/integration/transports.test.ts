import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerList, HostSummary } from "../../lib/types";
import { parseHostsSetting } from "../../server/engines/host-spec";
import { ENGINES_DIR, docker, login, startServer, waitFor, type Client, type TestServer } from "./harness";

const SSH_HOSTS = path.join(ENGINES_DIR, "hosts-ssh.json");
const TLS = path.join(ENGINES_DIR, "tls");
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
    srv = await startServer({ hosts });
    admin = await login(srv.base);
  }, 60_000);

  afterAll(async () => {
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
});

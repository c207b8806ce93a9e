import http from "node:http";
import { expectStatus, httpRequest, type HttpTarget } from "./http-get";

/** A keep-alive client for Wharf that carries the session cookie on every request. */
export async function signIn(port: number, password: string): Promise<HttpTarget> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const anon: HttpTarget = { transport: http, agent, base: { host: "127.0.0.1", port } };
  const r = await httpRequest(anon, "POST", "/api/v1/auth/login", {
    body: { username: "admin", password },
    headers: { "x-wharf-csrf": "1" },
  });
  expectStatus(r, [200], "sign in to Wharf");
  const setCookie = r.headers["set-cookie"]?.[0];
  const cookie = setCookie?.split(";")[0];
  if (!cookie) throw new Error("sign in to Wharf: no session cookie in the answer");
  return { ...anon, base: { ...anon.base, headers: { cookie } } };
}

interface HostSummary {
  id: string;
  status: string;
  error?: string;
}

/** Fails unless every one of `ids` is up in Wharf. */
export async function assertHostsUp(wharf: HttpTarget, ids: readonly string[]): Promise<void> {
  const r = expectStatus(await httpRequest(wharf, "GET", "/api/v1/hosts"), [200], "GET /api/v1/hosts");
  const hosts = (JSON.parse(r.body.toString("utf8")) as { items: HostSummary[] }).items;
  const bad = ids.filter((id) => hosts.find((h) => h.id === id)?.status !== "up");
  if (bad.length) {
    const why = bad.map((id) => {
      const h = hosts.find((x) => x.id === id);
      return `${id}: ${h ? `${h.status} ${h.error ?? ""}` : "not configured"}`;
    });
    throw new Error(`hosts not up in Wharf: ${why.join("; ")}`);
  }
}

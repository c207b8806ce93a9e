import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { nextFromLink } from "./registry-api";
import { RegistryClient } from "./registry-client";

/** A fake registry with token auth, on loopback: user "u", password "p". */
let server: http.Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const auth = req.headers.authorization ?? "";
    seen.push(`${req.method} ${url.pathname} ${auth.split(" ")[0] ?? ""}`);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
    if (url.pathname === "/token") {
      if (!auth) return json(200, { token: "anonymous" });
      if (auth !== `Basic ${Buffer.from("u:p").toString("base64")}`) return json(401, {});
      return json(200, { access_token: `good:${url.searchParams.getAll("scope").join(" ")}` });
    }
    if (url.pathname === "/hang") return; // never answers
    if (url.pathname === "/v2/html") return res.writeHead(200, { "content-type": "text/html" }).end("<html>");
    if (url.pathname === "/v2/boom")
      return json(500, { errors: [{ code: "UNKNOWN", message: "disk full" }] });
    if (!auth.startsWith("Bearer good:")) {
      return json(
        401,
        { errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] },
        {
          "www-authenticate": `Bearer realm="${base}/token",service="fake",scope="registry:catalog:*"`,
        },
      );
    }
    if (req.method === "DELETE")
      return json(405, { errors: [{ code: "UNSUPPORTED", message: "The operation is unsupported." }] });
    return json(200, { repositories: ["a", "b"] }, { link: '</v2/_catalog?last=b&n=2>; rel="next"' });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const client = (extra: { username?: string; password?: string } = {}, timeoutMs?: number) =>
  new RegistryClient({ id: 1, name: "fake", url: base, ...extra }, timeoutMs);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("RegistryClient", () => {
  it("follows a Bearer challenge: token from the realm with basic credentials, then the retry", async () => {
    seen.length = 0;
    const c = client({ username: "u", password: "p" });
    const reply = await c.request("GET", "/v2/_catalog?n=2");
    expect(c.json(reply)).toEqual({ repositories: ["a", "b"] });
    expect(nextFromLink(reply.headers.get("link"))).toBe("b");
    expect(seen).toEqual(["GET /v2/_catalog Basic", "GET /token Basic", "GET /v2/_catalog Bearer"]);
  });

  it("answers 403, never 401, naming the registry, for wrong or missing credentials", async () => {
    const wrong = await failure(client({ username: "u", password: "nope" }).request("GET", "/v2/_catalog"));
    expect(wrong.code).toBe("FORBIDDEN");
    expect(wrong.message).toMatch(/registry "fake" rejected the credentials of "u"/);
    const none = await failure(client().request("GET", "/v2/_catalog"));
    expect(none.code).toBe("FORBIDDEN");
    expect(none.message).toMatch(/registry "fake" needs credentials/);
  });

  it("passes the registry's refusal through with a hint", async () => {
    const e = await failure(
      client({ username: "u", password: "p" }).request("DELETE", "/v2/a/manifests/sha256:x", {
        refusalHint: "allow deletes",
      }),
    );
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe('registry "fake" refused: The operation is unsupported. (allow deletes)');
  });

  it("maps server errors and non-JSON answers to ENGINE_ERROR", async () => {
    const boom = await failure(client().request("GET", "/v2/boom"));
    expect([boom.code, boom.status, boom.message]).toEqual([
      "ENGINE_ERROR",
      502,
      'registry "fake" failed: disk full',
    ]);
    const c = client();
    const html = await c.request("GET", "/v2/html");
    expect(() => c.json(html)).toThrow(/did not answer JSON/);
  });

  it("gives up after the timeout instead of hanging", async () => {
    const started = Date.now();
    const e = await failure(client({}, 300).request("GET", "/hang"));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e.code).toBe("ENGINE_UNREACHABLE");
    expect(e.message).toMatch(/^registry "fake" at http:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms$/);
  });

  it("names the registry and the cause when nothing listens", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise((r) => probe.close(r));
    const e = await failure(new RegistryClient({ id: 2, name: "gone", url }).request("GET", "/v2/"));
    expect(e.code).toBe("ENGINE_UNREACHABLE");
    expect(e.status).toBe(502);
    expect(e.message).toBe(`registry "gone" at ${url} is unreachable: connect ECONNREFUSED ${url.slice(7)}`);
  });
});

describe("nextFromLink", () => {
  it("reads the last value of the next link, and nothing else", () => {
    expect(nextFromLink('</v2/_catalog?last=idle&n=2>; rel="next"')).toBe("idle");
    expect(nextFromLink("<https://r.example/v2/a%2Fb/tags/list?n=5&last=v1.0>; rel=next")).toBe("v1.0");
    expect(nextFromLink('</v2/x?last=a>; rel="prev", </v2/x?last=z>; rel="next"')).toBe("z");
    expect(nextFromLink('</v2/x?last=a>; rel="prev"')).toBeUndefined();
    expect(nextFromLink(null)).toBeUndefined();
  });
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostStatusEvent } from "../../lib/realtime/events";
import type { ContainerList, HostSummary } from "../../lib/types";
import {
  ENGINES_DIR,
  connectSocket,
  enginesScript,
  login,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

let srv: TestServer;
let admin: Client;
let socket: TestSocket;
const statuses: (HostStatusEvent & { at: number })[] = [];

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  socket = await connectSocket(srv.base, admin.cookie);
  socket.on("host:status", (e) => statuses.push({ ...e, at: Date.now() }));
});

afterAll(async () => {
  socket?.close();
  // Leave the engine running for the next test file whatever happened here.
  await enginesScript("start-engine", "edge").catch(() => "");
  await srv?.stop();
});

function killEdge(): void {
  const pid = Number(fs.readFileSync(path.join(ENGINES_DIR, "edge", "docker.pid"), "utf8").trim());
  process.kill(pid, "SIGKILL");
}

describe("one engine goes away and comes back", () => {
  it("marks edge down within 5 s while the other hosts keep working, then up within 10 s of its return", async () => {
    const killedAt = Date.now();
    killEdge();
    const down = await waitFor(
      () => statuses.find((e) => e.hostId === "edge" && e.status === "down" && e.at >= killedAt),
      5000,
      "host:status down for edge",
    );
    expect(down.at - killedAt).toBeLessThanOrEqual(5000);
    expect(down.error).toBeTruthy();

    const hosts = await admin.get<{ items: HostSummary[] }>("/api/v1/hosts");
    expect(hosts.body.items.find((h) => h.id === "edge")?.status).toBe("down");
    expect(hosts.body.items.filter((h) => h.id !== "edge").every((h) => h.status === "up")).toBe(true);

    const local = await admin.get<ContainerList>("/api/v1/hosts/local/containers");
    expect(local.status).toBe(200);
    const edgeList = await admin.get<{ error: { code: string } }>("/api/v1/hosts/edge/containers");
    expect(edgeList.status).toBe(502);
    expect(edgeList.body.error.code).toBe("ENGINE_UNREACHABLE");
    const merged = await admin.get<ContainerList>("/api/v1/containers");
    expect(merged.status).toBe(200);
    expect(merged.body.errors?.map((e) => e.hostId)).toEqual(["edge"]);

    await enginesScript("start-engine", "edge");
    const backAt = Date.now();
    const up = await waitFor(
      () => statuses.find((e) => e.hostId === "edge" && e.status === "up" && e.at >= killedAt),
      10_000,
      "host:status up for edge",
    );
    expect(up.at - backAt).toBeLessThanOrEqual(10_000);
    await waitHostsUp(admin, ["local", "edge", "secure"], 1000);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertView, Rule } from "../../lib/alerts";
import type { AlertUpdate } from "../../lib/realtime/events";
import {
  RUN_ID,
  connectSocket,
  docker,
  login,
  removeByPrefix,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-alive`;
const TEAM_A = `team=a${P}`;
const TEAM_B = `team=b${P}`;
const sockets: TestSocket[] = [];

/** Every `alert:update` a socket is told, kept in order. */
async function listener(cookie: string): Promise<AlertUpdate[]> {
  const socket = await connectSocket(srv.base, cookie);
  sockets.push(socket);
  const seen: AlertUpdate[] = [];
  socket.on("alert:update", (u) => seen.push(u));
  return seen;
}

const exitNonZero = (name: string, label: string) =>
  docker(
    "edge",
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    name,
    "--label",
    label,
    "--entrypoint",
    "/bin/sh",
    "local/idle:1",
    "-c",
    "exit 9",
  );

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await removeByPrefix(P);
  await srv?.stop();
});

describe("alerts pushed live", () => {
  it("tells each socket of the alerts its scope sees, as they open, are acknowledged and resolve", async () => {
    const r = await admin.send<Rule>("POST", "/api/v1/alerts/rules", {
      name: `${P} exits`,
      kind: "exit",
      scope: { labelSelector: "team" },
      targets: [],
    });
    expect(r.status).toBe(201);
    const teamA = await userClient(srv.base, admin, {
      username: `${P}-a`.replace(/[^a-z0-9_-]/gi, ""),
      role: "operator",
      labelSelector: TEAM_A,
    });
    const teamB = await userClient(srv.base, admin, {
      username: `${P}-b`.replace(/[^a-z0-9_-]/gi, ""),
      role: "operator",
      labelSelector: TEAM_B,
    });
    const [toAdmin, toA, toB] = await Promise.all([
      listener(admin.cookie),
      listener(teamA.cookie),
      listener(teamB.cookie),
    ]);

    await exitNonZero(`${P}-a1`, TEAM_A);
    const opened = await waitFor(
      () => toAdmin.find((u) => u.change === "opened" && u.hostId === "edge"),
      20_000,
      "the admin's push of team a's alert",
    );
    const listed = await admin.get<{ items: AlertView[] }>("/api/v1/alerts");
    const alert = listed.body.items.find((a) => a.id === opened.id);
    expect(alert?.containerName).toBe(`${P}-a1`);
    expect(opened).toEqual({
      id: opened.id,
      hostId: "edge",
      kind: "exit",
      state: "firing",
      change: "opened",
    });
    await waitFor(() => toA.find((u) => u.id === opened.id), 5_000, "team a's push");

    // Team a acknowledges it: both who see it are told, team b never.
    expect((await teamA.send("POST", `/api/v1/alerts/${opened.id}/ack`, {})).status).toBe(200);
    await waitFor(() => toAdmin.find((u) => u.id === opened.id && u.change === "acked"), 5_000, "ack");
    await waitFor(() => toA.find((u) => u.id === opened.id && u.change === "acked"), 5_000, "ack to a");

    // Removing the rule resolves what it opened, and says so.
    expect((await admin.send("DELETE", `/api/v1/alerts/rules/${r.body.id}`)).status).toBe(200);
    await waitFor(
      () => toA.find((u) => u.id === opened.id && u.change === "resolved" && u.state === "resolved"),
      5_000,
      "resolved to a",
    );
    expect(toB.filter((u) => u.id === opened.id)).toEqual([]);
    expect(toB).toEqual([]);
  });
});

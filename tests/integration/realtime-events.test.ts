import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContainerEvent } from "../../lib/realtime/events";
import {
  RUN_ID,
  connectSocket,
  docker,
  login,
  removeByPrefix,
  runFixture,
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
const P = `${RUN_ID}-ev`;
const events: ContainerEvent[] = [];

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  socket = await connectSocket(srv.base, admin.cookie);
  socket.on("container:event", (e) => events.push(e));
});

afterAll(async () => {
  socket?.close();
  await removeByPrefix(P);
  await srv?.stop();
});

describe("engine events over socket.io", () => {
  it("refuses a socket without a session", async () => {
    await expect(connectSocket(srv.base)).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it("refuses a socket from a foreign origin even with a valid cookie", async () => {
    const { io } = await import("socket.io-client");
    const s = io(srv.base, {
      transports: ["websocket"],
      extraHeaders: { cookie: admin.cookie, origin: "https://evil.example" },
      reconnection: false,
      forceNew: true,
    });
    const err = await new Promise<Error>((resolve) => s.once("connect_error", resolve));
    s.close();
    expect(err).toBeInstanceOf(Error);
  });

  it.each(["local", "edge", "secure"] as const)(
    "delivers start and destroy of a CLI-run container on %s within 2 s",
    async (engine) => {
      const name = `${P}-${engine}`;
      const t0 = Date.now();
      const id = await runFixture(engine, name, "local/idle:1");
      const start = await waitFor(
        () => events.find((e) => e.hostId === engine && e.containerId === id && e.action === "start"),
        2000,
        `start event for ${name}`,
      );
      expect(start.name).toBe(name);
      expect(Date.now() - t0).toBeLessThan(10_000);
      await docker(engine, "rm", "-f", id);
      await waitFor(
        () => events.find((e) => e.hostId === engine && e.containerId === id && e.action === "destroy"),
        2000,
        `destroy event for ${name}`,
      );
      const list = await admin.get<{ items: { id: string }[] }>(`/api/v1/hosts/${engine}/containers`);
      expect(list.body.items.some((c) => c.id === id)).toBe(false);
    },
  );

  it("disconnects the socket when its session is logged out", async () => {
    const other = await login(srv.base);
    const s = await connectSocket(srv.base, other.cookie);
    const closed = new Promise<string>((resolve) => s.once("disconnect", resolve));
    await other.send("POST", "/api/v1/auth/logout");
    expect(await closed).toBe("io server disconnect");
  });
});

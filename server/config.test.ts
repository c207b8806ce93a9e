import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const load = (vars: Record<string, string>) => loadConfig(vars as NodeJS.ProcessEnv);

let dir: string;
let fakeSocket: string;
let noSocket: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-config-"));
  fakeSocket = path.join(dir, "docker.sock");
  fs.writeFileSync(fakeSocket, "");
  noSocket = `unix://${path.join(dir, "absent.sock")}`;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("loadConfig", () => {
  it("applies the defaults", () => {
    const config = load({ DOCKER_HOST: noSocket });

    expect(config).toEqual({
      dev: true,
      port: 3000,
      bind: "0.0.0.0",
      dataDir: path.resolve("./data"),
      hosts: [],
      adminPassword: undefined,
      secureCookies: "auto",
      metricsIntervalMs: 10_000,
      diskIntervalMs: 300_000,
      imageUpdateIntervalMs: 600_000,
    });
  });

  it("reads the disk and image-update intervals in seconds, with floors that keep engines and registries unhammered", () => {
    const c = load({
      DOCKER_HOST: noSocket,
      WHARF_DISK_INTERVAL: "60",
      WHARF_IMAGE_UPDATE_INTERVAL: "3600",
      WHARF_DISK_PROBE_IMAGE: "busybox:1.36",
    });
    expect(c).toMatchObject({
      diskIntervalMs: 60_000,
      imageUpdateIntervalMs: 3_600_000,
      diskProbeImage: "busybox:1.36",
    });
    expect(() => load({ DOCKER_HOST: noSocket, WHARF_DISK_INTERVAL: "5" })).toThrow(
      /WHARF_DISK_INTERVAL: must be at least 30 seconds/,
    );
    expect(() => load({ DOCKER_HOST: noSocket, WHARF_IMAGE_UPDATE_INTERVAL: "10" })).toThrow(
      /WHARF_IMAGE_UPDATE_INTERVAL: must be at least 60 seconds/,
    );
  });

  it("reads the collection interval in seconds, and refuses a bad one naming the variable", () => {
    expect(load({ DOCKER_HOST: noSocket, WHARF_METRICS_INTERVAL: "30" }).metricsIntervalMs).toBe(30_000);
    expect(load({ DOCKER_HOST: noSocket, WHARF_METRICS_INTERVAL: "0" }).metricsIntervalMs).toBe(0);
    expect(() => load({ DOCKER_HOST: noSocket, WHARF_METRICS_INTERVAL: "1.5" })).toThrow(
      /WHARF_METRICS_INTERVAL: must be a whole number of seconds/,
    );
  });

  it("reads explicit values", () => {
    const config = load({
      NODE_ENV: "production",
      WHARF_PORT: "8080",
      WHARF_BIND: "127.0.0.1",
      WHARF_DATA_DIR: dir,
      WHARF_ADMIN_PASSWORD: "correct horse",
      WHARF_SECURE_COOKIES: "true",
      DOCKER_HOST: noSocket,
    });

    expect(config).toMatchObject({
      dev: false,
      port: 8080,
      bind: "127.0.0.1",
      dataDir: dir,
      adminPassword: "correct horse",
      secureCookies: "always",
    });
  });

  it("maps WHARF_SECURE_COOKIES=false to never", () => {
    expect(load({ WHARF_SECURE_COOKIES: "false", DOCKER_HOST: noSocket }).secureCookies).toBe("never");
  });

  it.each(["abc", "70000", "1.5"])("names WHARF_PORT when it is %j", (value) => {
    expect(() => load({ WHARF_PORT: value, DOCKER_HOST: noSocket })).toThrow(/WHARF_PORT: /);
  });

  it("throws a ConfigError for a bad port", () => {
    expect(() => load({ WHARF_PORT: "nope", DOCKER_HOST: noSocket })).toThrow(ConfigError);
  });

  it("rejects a short admin password", () => {
    expect(() => load({ WHARF_ADMIN_PASSWORD: "short", DOCKER_HOST: noSocket })).toThrow(
      "WHARF_ADMIN_PASSWORD: must be at least 8 characters",
    );
  });

  it("parses WHARF_HOSTS", () => {
    const config = load({
      WHARF_HOSTS: JSON.stringify([{ id: "edge", name: "Edge", url: "tcp://edge:2375" }]),
      DOCKER_HOST: noSocket,
    });

    expect(config.hosts).toEqual([
      {
        id: "edge",
        name: "Edge",
        kind: "tcp",
        url: "tcp://edge:2375",
        connection: { protocol: "http", host: "edge", port: 2375 },
      },
    ]);
  });

  it("ignores a blank WHARF_HOSTS", () => {
    expect(load({ WHARF_HOSTS: "   ", DOCKER_HOST: noSocket }).hosts).toEqual([]);
  });

  it("wraps a WHARF_HOSTS problem in a ConfigError that keeps the entry details", () => {
    const env = { WHARF_HOSTS: JSON.stringify([{ id: "edge", url: "ftp://edge" }]), DOCKER_HOST: noSocket };

    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow('WHARF_HOSTS[0] (id "edge"): url: must start with');
  });

  it("adds no local host when DOCKER_HOST names a missing unix socket", () => {
    const config = load({
      WHARF_HOSTS: JSON.stringify([{ id: "edge", url: "tcp://edge" }]),
      DOCKER_HOST: noSocket,
    });

    expect(config.hosts.map((h) => h.id)).toEqual(["edge"]);
  });

  it("puts the local engine first when DOCKER_HOST names an existing socket path", () => {
    const config = load({
      WHARF_HOSTS: JSON.stringify([{ id: "edge", url: "tcp://edge" }]),
      DOCKER_HOST: `unix://${fakeSocket}`,
    });

    expect(config.hosts.map((h) => h.id)).toEqual(["local", "edge"]);
    expect(config.hosts[0]).toEqual({
      id: "local",
      name: "Local",
      kind: "unix",
      url: `unix://${fakeSocket}`,
      connection: { socketPath: fakeSocket },
    });
  });

  it("adds a tcp DOCKER_HOST as the local engine", () => {
    const config = load({ DOCKER_HOST: "tcp://127.0.0.1:2375" });

    expect(config.hosts).toEqual([
      expect.objectContaining({
        id: "local",
        kind: "tcp",
        connection: { protocol: "http", host: "127.0.0.1", port: 2375 },
      }),
    ]);
  });

  it("does not add the local engine when WHARF_HOSTS already has id local", () => {
    const config = load({
      WHARF_HOSTS: JSON.stringify([{ id: "local", name: "Mine", url: "tcp://elsewhere" }]),
      DOCKER_HOST: `unix://${fakeSocket}`,
    });

    expect(config.hosts).toHaveLength(1);
    expect(config.hosts[0]).toMatchObject({ id: "local", name: "Mine", kind: "tcp" });
  });

  it("does not add the local engine twice when an entry already uses its socket", () => {
    const config = load({
      WHARF_HOSTS: JSON.stringify([{ id: "here", url: `unix://${fakeSocket}` }]),
      DOCKER_HOST: `unix://${fakeSocket}`,
    });

    expect(config.hosts.map((h) => h.id)).toEqual(["here"]);
  });

  it("names DOCKER_HOST when its url is malformed", () => {
    expect(() => load({ DOCKER_HOST: "tcp://edge:0" })).toThrow('DOCKER_HOST: url: invalid port "0"');
  });
});

import { describe, expect, it } from "vitest";
import { specToCreateBody } from "./create-body";
import { createConfigSchema, createRequestSchema } from "./create-schema";
import { parseDockerRun } from "./docker-run";
import { inspectToSpec } from "./inspect";
import { parseEnvText } from "./spec";
import { bytesFlag, cpusFlag, formatDuration, parseDuration } from "./values";

describe("specToCreateBody", () => {
  it("writes the engine's create body with every mode flag, ports, limits and aliases", () => {
    const { spec } = parseDockerRun(
      "docker run --name api -e A=1 -l team=x -p 127.0.0.1:8000-8001:80-81/udp -v data:/data:ro,z -v /srv:/srv:rshared -v /cache --tmpfs /run:size=1m --network back --network-alias api-1 --restart on-failure:2 -m 64m --cpus 0.5 --pids-limit 50 --health-cmd true --health-interval 5s app:1 serve",
    );

    const { name, config } = specToCreateBody(spec);

    expect(name).toBe("api");
    expect(config).toEqual({
      Image: "app:1",
      Cmd: ["serve"],
      Env: ["A=1"],
      Labels: { team: "x" },
      ExposedPorts: { "80/udp": {}, "81/udp": {} },
      Healthcheck: { Test: ["CMD-SHELL", "true"], Interval: 5e9 },
      HostConfig: {
        Binds: ["data:/data:ro,z", "/srv:/srv:rshared"],
        Mounts: [{ Type: "volume", Target: "/cache", ReadOnly: false }],
        Tmpfs: { "/run": "size=1m" },
        PortBindings: {
          "80/udp": [{ HostIp: "127.0.0.1", HostPort: "8000" }],
          "81/udp": [{ HostIp: "127.0.0.1", HostPort: "8001" }],
        },
        RestartPolicy: { Name: "on-failure", MaximumRetryCount: 2 },
        NetworkMode: "back",
        Memory: 64 * 1024 ** 2,
        NanoCpus: 500_000_000,
        PidsLimit: 50,
      },
      NetworkingConfig: { EndpointsConfig: { back: { Aliases: ["api-1"] } } },
    });
  });

  it("gives no endpoint settings to the built-in network modes", () => {
    const { config } = specToCreateBody(parseDockerRun("docker run --network none busybox").spec);

    expect(config.NetworkingConfig).toBeUndefined();
    expect(config.HostConfig?.NetworkMode).toBe("none");
  });
});

describe("createConfigSchema", () => {
  const bad = (config: unknown) => {
    const r = createRequestSchema.safeParse({ config });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it.each([
    [{ Image: "" }, /^config\.Image: is required/],
    [
      { Image: "a", HostConfig: { PortBindings: { "8o/tcp": [] } } },
      /^config\.HostConfig\.PortBindings\.8o\/tcp: must be a port/,
    ],
    [
      { Image: "a", HostConfig: { PortBindings: { "80/tcp": [{ HostPort: "99999" }] } } },
      /PortBindings\.80\/tcp\.0\.HostPort: must be a port/,
    ],
    [
      { Image: "a", HostConfig: { Binds: ["./data:/data"] } },
      /^config\.HostConfig\.Binds\.0: .*relative paths are not allowed/,
    ],
    [
      { Image: "a", HostConfig: { binds: ["./data:/data"] } },
      /^config\.HostConfig\.binds: the engine reads this as Binds; write it Binds/,
    ],
    [{ Image: "a", hostConfig: {} }, /^config\.hostConfig: the engine reads this as HostConfig/],
    [{ Image: "a", "Label\u017f": {} }, /^config\.Label\u017f: the engine reads this as Labels/],
    [{ Image: "a", HostConfig: { Binds: ["/data:data"] } }, /Binds\.0: .*absolute path/],
    [
      { Image: "a", HostConfig: { Mounts: [{ Type: "bind", Source: "rel", Target: "/x" }] } },
      /Mounts\.0\.Source: a bind source must be an absolute host path/,
    ],
    [
      { Image: "a", HostConfig: { RestartPolicy: { Name: "sometimes" } } },
      /RestartPolicy\.Name: must be no, always/,
    ],
    [{ Image: "a", HostConfig: { Memory: 1000 } }, /HostConfig\.Memory: must be at least 6 MiB/],
    [{ Image: "a", HostConfig: { Memory: "64m" } }, /HostConfig\.Memory: /],
    [{ Image: "a", Env: ["=x"] }, /Env\.0: must be KEY=value/],
    [{ Image: "a", WorkingDir: "app" }, /WorkingDir: must be an absolute path/],
    [{ Image: "a", Healthcheck: { Interval: 5 } }, /Healthcheck\.Interval: must be 0/],
  ])("refuses %j", (config, re) => {
    expect(bad(config).join("\n")).toMatch(re);
  });

  it("lets engine fields the form does not write pass through", () => {
    const r = createConfigSchema.parse({
      Image: "a",
      StopSignal: "SIGINT",
      HostConfig: { CapAdd: ["NET_ADMIN"] },
    });

    expect(r.StopSignal).toBe("SIGINT");
    expect(r.HostConfig?.CapAdd).toEqual(["NET_ADMIN"]);
  });
});

describe("inspectToSpec", () => {
  const inspect = {
    Id: "abcdef0123456789",
    Name: "/web",
    Config: {
      Image: "local/idle:1",
      Hostname: "abcdef012345",
      Env: ["PATH=/bin", "MODE=prod"],
      Cmd: ["/bin/sh", "-c", "sleep 1"],
      Labels: { "wharf.fixture": "1", team: "a" },
      Volumes: { "/image-volume": {}, "/mine": {} },
    },
    HostConfig: {
      NetworkMode: "default",
      Binds: ["/srv:/srv:ro"],
      RestartPolicy: { Name: "", MaximumRetryCount: 0 },
      Memory: 64 * 1024 ** 2,
      MemorySwap: 128 * 1024 ** 2,
      PidsLimit: 0,
    },
    NetworkSettings: { Networks: {} },
  };
  const image = {
    Cmd: ["/bin/sh", "-c", "sleep 1"],
    Env: ["PATH=/bin"],
    Labels: { "wharf.fixture": "1" },
    Volumes: { "/image-volume": {} },
  };

  it("leaves out what the container only inherited from its image, and the engine's own defaults", () => {
    const spec = inspectToSpec(inspect, image);

    expect(spec).toMatchObject({
      name: "web",
      image: "local/idle:1",
      cmd: [],
      hostname: "",
      network: "",
      env: [{ key: "MODE", value: "prod" }],
      labels: [{ key: "team", value: "a" }],
      restart: { name: "no", maximumRetryCount: 0 },
      limits: { memory: 64 * 1024 ** 2 },
      mounts: [
        { type: "bind", source: "/srv", target: "/srv", readOnly: true, options: [] },
        { type: "volume", source: "", target: "/mine", readOnly: false, options: [] },
      ],
    });
  });

  it("keeps everything when the image is not known", () => {
    const spec = inspectToSpec(inspect);

    expect(spec.cmd).toEqual(["/bin/sh", "-c", "sleep 1"]);
    expect(spec.env.map((e) => e.key)).toEqual(["PATH", "MODE"]);
  });
});

describe("values", () => {
  it.each([
    ["30s", 30e9],
    ["1m30s", 90e9],
    ["1.5s", 1.5e9],
    ["500ms", 5e8],
    ["2h", 7200e9],
    ["0", 0],
  ])("reads the duration %s", (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });

  it.each(["", "5", "s", "1x", "1s2"])("refuses the duration %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("writes exact values", () => {
    expect(formatDuration(90e9)).toBe("90s");
    expect(formatDuration(1_500_000)).toBe("1500us");
    expect(bytesFlag(1536 * 1024)).toBe("1536k");
    expect(bytesFlag(1000)).toBe("1000");
    expect(cpusFlag(1_250_000_000)).toBe("1.25");
    expect(cpusFlag(10_000_000)).toBe("0.01");
  });
});

describe("parseEnvText", () => {
  it("reads .env text: comments, export, quotes, and the last of repeated keys", () => {
    const r = parseEnvText(
      `# db\nexport HOST=db\nPASS="a \\"b\\""\nNAME='x y'\nEMPTY=\nHOST=db2\n bad line\n`,
    );

    expect(r.env).toEqual([
      { key: "HOST", value: "db2" },
      { key: "PASS", value: 'a "b"' },
      { key: "NAME", value: "x y" },
      { key: "EMPTY", value: "" },
    ]);
    expect(r.errors).toEqual(['line 7: "bad line" is not KEY=value']);
  });
});

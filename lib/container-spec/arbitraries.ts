import fc from "fast-check";
import type { ContainerSpec, HealthcheckSpec, MountSpec, PortMapping } from "./types";

/** Specs in the canonical form the importer produces, for round-trip property tests. */

const word = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{1,15}$/);
const path = fc
  .array(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,10}$/), { minLength: 1, maxLength: 4 })
  .map((p) => `/${p.join("/")}`);
const anyText = fc.string({ maxLength: 30, unit: "grapheme" });
const envKey = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,15}$/);

const port = fc.integer({ min: 1, max: 65000 });
const portMapping: fc.Arbitrary<PortMapping> = fc
  .record({
    hostIp: fc.constantFrom("", "127.0.0.1", "::1", "0.0.0.0"),
    protocol: fc.constantFrom<PortMapping["protocol"]>("tcp", "udp", "sctp"),
    c: port,
    len: fc.integer({ min: 0, max: 3 }),
    host: fc.constantFrom("none", "same", "single", "range"),
    h: port,
  })
  .map(({ hostIp, protocol, c, len, host, h }) => {
    const containerPort = len ? `${c}-${c + len}` : String(c);
    const hostPort =
      host === "none"
        ? ""
        : host === "range"
          ? `${h}-${h + len + (len ? 0 : 2)}`
          : host === "same"
            ? containerPort
            : String(h);
    // One host port against a container range is not a valid mapping.
    return { hostIp, hostPort: len && host === "single" ? "" : hostPort, containerPort, protocol };
  });

const bindOptions = fc.subarray(["z", "rshared"]);
const mount: fc.Arbitrary<MountSpec> = fc.oneof(
  fc.record({
    type: fc.constant("bind" as const),
    source: path,
    target: path,
    readOnly: fc.boolean(),
    options: bindOptions,
  }),
  fc.record({
    type: fc.constant("volume" as const),
    source: word,
    target: path,
    readOnly: fc.boolean(),
    options: fc.subarray(["nocopy"]),
  }),
  fc.record({
    type: fc.constant("volume" as const),
    source: fc.constant(""),
    target: path,
    readOnly: fc.boolean(),
    options: fc.subarray(["nocopy"]),
  }),
  fc.record({
    type: fc.constant("tmpfs" as const),
    source: fc.constant(""),
    target: path,
    readOnly: fc.boolean(),
    options: fc.subarray(["size=64m", "mode=1777"]),
  }),
);

const duration = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 10_000 }).map((n) => n * 1_000_000),
);
const healthcheck: fc.Arbitrary<HealthcheckSpec> = fc.oneof(
  fc.constant<HealthcheckSpec>({ test: ["NONE"], interval: 0, timeout: 0, startPeriod: 0, retries: 0 }),
  fc
    .record({
      test: fc.oneof(
        fc.constant([] as string[]),
        anyText.filter(Boolean).map((c) => ["CMD-SHELL", c]),
      ),
      interval: duration,
      timeout: duration,
      startPeriod: duration,
      retries: fc.integer({ min: 0, max: 10 }),
    })
    .filter((h) => h.test.length > 0 || h.interval + h.timeout + h.startPeriod + h.retries > 0),
);

const limits: fc.Arbitrary<ContainerSpec["limits"]> = fc.record(
  {
    memory: fc.integer({ min: 6, max: 64 * 1024 }).map((m) => m * 1024 * 1024 + (m % 3) * 1024),
    memoryReservation: fc.integer({ min: 1, max: 2 ** 40 }),
    memorySwap: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 2 ** 40 })),
    nanoCpus: fc.integer({ min: 10_000_000, max: 64e9 }),
    cpuShares: fc.integer({ min: 2, max: 262_144 }),
    cpuQuota: fc.integer({ min: 1000, max: 1_000_000 }),
    cpuPeriod: fc.integer({ min: 1000, max: 1_000_000 }),
    cpusetCpus: fc.constantFrom("0", "0-1", "0,1"),
    cpusetMems: fc.constantFrom("0"),
    pidsLimit: fc.integer({ min: 1, max: 100_000 }),
    blkioWeight: fc.integer({ min: 10, max: 1000 }),
    oomKillDisable: fc.constant(true),
  },
  { requiredKeys: [] },
);

const uniqueBy = <T extends { key: string }>(a: fc.Arbitrary<T>) =>
  fc.uniqueArray(a, { selector: (x) => x.key, maxLength: 4 });

export const specArbitrary: fc.Arbitrary<ContainerSpec> = fc
  .record({
    image: fc.constantFrom("nginx:1.27", "local/idle:1", "registry.example.com:5000/team/app:2", "alpine"),
    name: fc.oneof(fc.constant(""), word),
    cmd: fc.array(anyText, { maxLength: 4 }),
    entrypoint: fc.oneof(
      fc.constant([] as string[]),
      anyText.map((e) => [e]),
    ),
    workingDir: fc.oneof(fc.constant(""), path),
    user: fc.constantFrom("", "1000", "1000:1000", "www-data"),
    hostname: fc.oneof(fc.constant(""), word),
    env: uniqueBy(fc.record({ key: envKey, value: anyText })),
    labels: uniqueBy(fc.record({ key: word, value: anyText })),
    ports: fc.array(portMapping, { maxLength: 3 }),
    mounts: fc.uniqueArray(mount, { selector: (m) => m.target, maxLength: 4 }),
    net: fc.constantFrom("", "none", "host", "backend"),
    aliases: fc.array(word, { maxLength: 2 }),
    extra: fc.array(
      fc.record({ name: fc.constantFrom("front", "metrics"), aliases: fc.array(word, { maxLength: 2 }) }),
      { maxLength: 2 },
    ),
    restart: fc.oneof(
      fc.constantFrom("no", "always", "unless-stopped").map((name) => ({ name, maximumRetryCount: 0 })),
      fc.integer({ min: 0, max: 20 }).map((n) => ({ name: "on-failure", maximumRetryCount: n })),
    ) as fc.Arbitrary<ContainerSpec["restart"]>,
    healthcheck: fc.option(healthcheck, { nil: undefined }),
    limits,
    tty: fc.boolean(),
    openStdin: fc.boolean(),
    autoRemove: fc.boolean(),
    start: fc.boolean(),
  })
  .map(({ net, extra, healthcheck: h, ...rest }) => {
    const user = net === "backend";
    // The engine adds the hostname to a network's aliases itself, so inspect cannot tell it apart.
    const notHost = (a: string) => a !== rest.hostname;
    const networks = user
      ? [...new Map(extra.map((n) => [n.name, { ...n, aliases: n.aliases.filter(notHost) }])).values()]
      : [];
    return {
      ...rest,
      network: net,
      // The host network brings the host's own name.
      hostname: net === "host" ? "" : rest.hostname,
      aliases: user ? rest.aliases.filter(notHost) : [],
      ...(networks.length ? { networks } : {}),
      ...(h ? { healthcheck: h } : {}),
    };
  });

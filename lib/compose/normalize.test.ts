import { describe, expect, it } from "vitest";
import { issueLines, load, refusal } from "./test-helpers";

describe("profiles", () => {
  const compose = [
    "services:",
    "  web:",
    "    image: x",
    "  debug:",
    "    image: x",
    "    profiles: [debug, tools]",
    "  seed:",
    "    image: x",
    "    profiles: [setup]",
    "    depends_on: [web]",
  ].join("\n");

  it("keeps services without profiles, and those of an active profile", () => {
    expect(Object.keys(load(compose).project.services)).toEqual(["web"]);
    expect(Object.keys(load(compose, { profiles: ["tools"] }).project.services)).toEqual(["web", "debug"]);
    expect(Object.keys(load(compose, { profiles: ["setup", "debug"] }).project.services)).toEqual([
      "web",
      "debug",
      "seed",
    ]);
  });

  it("refuses depending on an inactive service, unless the dependency is optional", () => {
    const file =
      "services:\n  web:\n    image: x\n    depends_on: [debug]\n  debug:\n    image: x\n    profiles: [debug]\n";
    expect(refusal(file).issues).toEqual([
      {
        path: "services.web.depends_on[0]",
        message: '"debug" is not active: it needs one of the profiles "debug"',
        line: 4,
        col: 18,
      },
    ]);
    const optional = file.replace(
      "depends_on: [debug]",
      "depends_on:\n      debug:\n        condition: service_started\n        required: false",
    );
    const r = load(optional);
    expect(r.project.services.web?.dependsOn).toEqual({});
    expect(r.warnings).toEqual([
      'services.web.depends_on: "debug" is not active: it needs one of the profiles "debug"; the optional dependency was dropped',
    ]);
  });
});

describe("references between services", () => {
  it("reads depends_on conditions", () => {
    const r = load(
      "services:\n  web:\n    image: x\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n      migrate:\n        condition: service_completed_successfully\n  db:\n    image: x\n  migrate:\n    image: x\n",
    );
    expect(r.project.services.web?.dependsOn).toEqual({
      db: { condition: "service_healthy", restart: true, required: true },
      migrate: { condition: "service_completed_successfully", restart: false, required: true },
    });
  });

  it("reports unknown services named by depends_on, links and network_mode", () => {
    expect(
      issueLines(
        "services:\n  web:\n    image: x\n    depends_on: [ghost]\n    links: ['db:database', spirit]\n  db:\n    image: x\n  side:\n    image: x\n    network_mode: service:nobody\n",
      ),
    ).toEqual([
      'services.web.depends_on[0]: "ghost" is not a service of this file',
      'services.web.links[1]: "spirit" is not a service of this file',
      'services.side.network_mode: "nobody" is not a service of this file',
    ]);
  });

  it("normalizes links to service:alias", () => {
    const r = load(
      "services:\n  web:\n    image: x\n    links: [db, 'cache:redis']\n  db:\n    image: x\n  cache:\n    image: x\n",
    );
    expect(r.project.services.web?.links).toEqual(["db:db", "cache:redis"]);
  });
});

describe("networks", () => {
  it("adds the default network only when a service uses it", () => {
    const r = load(
      "services:\n  web:\n    image: x\n    networks: [front]\n  host:\n    image: x\n    network_mode: host\nnetworks:\n  front:\n  unused:\n",
    );
    expect(Object.keys(r.project.networks)).toEqual(["front"]);
    expect(r.project.networks.front?.name).toBe("demo_front");
    const withDefault = load(
      "services:\n  web:\n    image: x\n  api:\n    image: x\n    networks: [default, front]\nnetworks:\n  front: {}\n",
    );
    expect(withDefault.project.services.web?.networks).toEqual({ default: { aliases: [] } });
    expect(Object.keys(withDefault.project.networks)).toEqual(["front", "default"]);
  });

  it("uses a customized default network's settings", () => {
    const r = load(
      "services:\n  web:\n    image: x\nnetworks:\n  default:\n    driver: overlay\n    name: shared\n",
    );
    expect(r.project.networks.default).toMatchObject({ name: "shared", driver: "overlay" });
  });

  it("reads every network setting, and external names", () => {
    const r = load(
      [
        "services:",
        "  web:",
        "    image: x",
        "    networks: [a, b, c]",
        "networks:",
        "  a:",
        "    driver: bridge",
        "    driver_opts: {com.docker.network.bridge.name: br-a, mtu: 1400}",
        "    internal: true",
        "    attachable: true",
        "    enable_ipv6: true",
        "    labels: [team=ops]",
        "    ipam:",
        "      driver: default",
        "      config:",
        "        - subnet: 172.28.0.0/16",
        "          ip_range: 172.28.5.0/24",
        "          gateway: 172.28.5.254",
        "          aux_addresses: {host1: 172.28.1.5}",
        "      options: {foo: bar}",
        "  b:",
        "    external: true",
        "  c:",
        "    external:",
        "      name: legacy-net",
      ].join("\n"),
    );
    expect(r.project.networks).toEqual({
      a: {
        name: "demo_a",
        external: false,
        driver: "bridge",
        driverOpts: { "com.docker.network.bridge.name": "br-a", mtu: "1400" },
        internal: true,
        attachable: true,
        enableIpv6: true,
        labels: { team: "ops" },
        ipam: {
          driver: "default",
          config: [
            {
              subnet: "172.28.0.0/16",
              ipRange: "172.28.5.0/24",
              gateway: "172.28.5.254",
              auxAddresses: { host1: "172.28.1.5" },
            },
          ],
          options: { foo: "bar" },
        },
      },
      b: {
        name: "b",
        external: true,
        driverOpts: {},
        internal: false,
        attachable: false,
        enableIpv6: false,
        labels: {},
      },
      c: {
        name: "legacy-net",
        external: true,
        driverOpts: {},
        internal: false,
        attachable: false,
        enableIpv6: false,
        labels: {},
      },
    });
  });

  it("reports an undeclared network at the service's entry", () => {
    expect(
      refusal(
        "services:\n  web:\n    image: x\n    networks:\n      - front\n      - back\nnetworks:\n  front: {}\n",
      ).issues,
    ).toEqual([
      {
        path: "services.web.networks[1]",
        message: '"back" is not declared under the top-level "networks"',
        line: 6,
        col: 9,
      },
    ]);
    expect(
      issueLines("services:\n  web:\n    image: x\n    networks:\n      back:\n        aliases: [b]\n"),
    ).toEqual(['services.web.networks.back: "back" is not declared under the top-level "networks"']);
  });
});

describe("volumes", () => {
  it("names volumes and keeps only those in use", () => {
    const r = load(
      "services:\n  web:\n    image: x\n    volumes: [data:/d, 'logs:/l', 'ext:/e']\nvolumes:\n  data:\n  logs:\n    name: shared-logs\n    driver: local\n    driver_opts: {type: tmpfs, device: tmpfs}\n    labels: {a: b}\n  ext:\n    external: true\n  spare: {}\n",
    );
    expect(r.project.volumes).toEqual({
      data: { name: "demo_data", external: false, driverOpts: {}, labels: {} },
      logs: {
        name: "shared-logs",
        external: false,
        driver: "local",
        driverOpts: { type: "tmpfs", device: "tmpfs" },
        labels: { a: "b" },
      },
      ext: { name: "ext", external: true, driverOpts: {}, labels: {} },
    });
  });

  it("reports a named volume that is not declared", () => {
    expect(refusal("services:\n  web:\n    image: x\n    volumes:\n      - cache:/c\n").issues).toEqual([
      {
        path: "services.web.volumes[0]",
        message: '"cache" is not declared under the top-level "volumes"',
        line: 5,
        col: 9,
      },
    ]);
  });
});

describe("configs and secrets", () => {
  const compose = [
    "services:",
    "  web:",
    "    image: x",
    "    configs: [fromfile, fromenv, inline]",
    "    secrets: [key]",
    "configs:",
    "  fromfile:",
    "    file: ./conf/app.conf",
    "  fromenv:",
    "    environment: GREETING",
    "    name: greeting-v2",
    "  inline:",
    "    content: |",
    "      hello $${NAME}",
    "secrets:",
    "  key:",
    "    file: secrets/key.txt",
  ].join("\n");

  it("reads content from the stack's files, the .env variables or the file", () => {
    const r = load(compose, {
      env: "GREETING=hi",
      files: { "conf/app.conf": "a=1", "secrets/key.txt": "s3cret" },
    });
    expect(r.project.configs).toEqual({
      fromfile: { name: "demo_fromfile", content: "a=1" },
      fromenv: { name: "greeting-v2", content: "hi" },
      inline: { name: "demo_inline", content: "hello ${NAME}\n" },
    });
    expect(r.project.secrets).toEqual({ key: { name: "demo_key", content: "s3cret" } });
  });

  it("reports missing files and variables, undeclared names, and external ones", () => {
    expect(issueLines(compose, { files: {} })).toEqual([
      'configs.fromfile.file: the file "./conf/app.conf" is not among the stack\'s files',
      'configs.fromenv.environment: the variable "GREETING" is not set in .env',
      'secrets.key.file: the file "secrets/key.txt" is not among the stack\'s files',
    ]);
    expect(
      issueLines(
        "services:\n  web:\n    image: x\n    secrets: [nope]\nsecrets:\n  ext:\n    external: true\nconfigs:\n  both:\n    file: a\n    content: b\n",
      ),
    ).toEqual([
      'services.web.secrets[0]: "nope" is not declared under the top-level "secrets"',
      "secrets.ext.external: external secrets need a swarm; give a file, environment or content instead",
      'configs.both: takes only one of "file", "environment" or "content"',
    ]);
  });
});

describe("anchors and merge keys under x- extensions", () => {
  it("shares settings between services", () => {
    const r = load(
      [
        "x-common: &common",
        "  restart: unless-stopped",
        "  environment: &env",
        "    TZ: UTC",
        "  logging:",
        "    driver: local",
        "services:",
        "  web:",
        "    <<: *common",
        "    image: web",
        "    environment:",
        "      <<: *env",
        "      ROLE: web",
        "  worker:",
        "    <<: *common",
        "    image: worker",
        "    restart: always",
      ].join("\n"),
    );
    expect(r.project.services.web).toMatchObject({
      restart: "unless-stopped",
      environment: { TZ: "UTC", ROLE: "web" },
      logging: { driver: "local", options: {} },
    });
    expect(r.project.services.worker).toMatchObject({ restart: "always", environment: { TZ: "UTC" } });
  });

  it("ignores x- keys inside services, networks and volumes", () => {
    const r = load(
      "services:\n  x-template: &t\n    image: base\n  web:\n    <<: *t\nvolumes:\n  x-note: {anything: 1}\n",
    );
    expect(Object.keys(r.project.services)).toEqual(["web"]);
    expect(r.project.services.web?.image).toBe("base");
  });
});

import { describe, expect, it } from "vitest";
import type { ComposeService } from "./model";
import { issueLines, load } from "./test-helpers";

function service(body: string, input: Parameters<typeof load>[1] = {}): ComposeService {
  const indented = body.replace(/^/gm, "    ");
  const compose = `services:\n  web:\n${indented}\nvolumes:\n  data: {}\nnetworks:\n  front: {}\n  back: {}\nconfigs:\n  app: {content: x}\nsecrets:\n  key: {environment: KEY}\n`;
  const s = load(compose, { env: "KEY=secret", ...input }).project.services.web;
  if (!s) throw new Error("no service");
  return s;
}

function serviceIssues(body: string, input: Parameters<typeof load>[1] = {}): string[] {
  const indented = body.replace(/^/gm, "    ");
  return issueLines(`services:\n  web:\n${indented}\n`, input);
}

describe("a service's defaults", () => {
  it("fills every list and flag", () => {
    expect(service("image: nginx")).toEqual({
      name: "web",
      image: "nginx",
      environment: {},
      ports: [],
      expose: [],
      mounts: [],
      networks: { default: { aliases: [] } },
      dependsOn: {},
      links: [],
      labels: {},
      tty: false,
      stdinOpen: false,
      capAdd: [],
      capDrop: [],
      privileged: false,
      readOnly: false,
      devices: [],
      securityOpt: [],
      extraHosts: [],
      dns: [],
      dnsSearch: [],
      sysctls: {},
      ulimits: {},
      limits: {},
      reservations: {},
      replicas: 1,
      profiles: [],
      configs: [],
      secrets: [],
    });
  });

  it("needs an image or a build", () => {
    expect(serviceIssues("tty: true")).toEqual(['services.web: needs an "image" or a "build"']);
  });
});

describe("build", () => {
  const files = { Dockerfile: "FROM x", "app/Dockerfile.dev": "FROM y" };

  it("reads a string context and the long form", () => {
    expect(service("build: .", { files }).build).toEqual({ context: ".", args: {}, labels: {} });
    expect(
      service(
        "build:\n  context: ./app\n  dockerfile: Dockerfile.dev\n  args:\n    - A=1\n    - FROM_ENV\n    - NOT_SET\n  target: dev\n  labels:\n    l: v",
        { files, env: "FROM_ENV=e\nKEY=k" },
      ).build,
    ).toEqual({
      context: "app",
      dockerfile: "Dockerfile.dev",
      args: { A: "1", FROM_ENV: "e" },
      target: "dev",
      labels: { l: "v" },
    });
  });

  it("refuses a context outside the stack, a remote one, and a missing Dockerfile", () => {
    expect(serviceIssues("build: ../elsewhere", { files })).toEqual([
      'services.web.build: "../elsewhere" must be a directory inside the stack',
    ]);
    expect(serviceIssues("build: https://github.com/a/b.git", { files })).toEqual([
      'services.web.build: remote build contexts ("https://github.com/a/b.git") are not supported; add the files to the stack',
    ]);
    expect(serviceIssues("build:\n  context: app", { files })).toEqual([
      'services.web.build.context: the stack has no "app/Dockerfile" to build from',
    ]);
  });

  it("reports unsupported build keys", () => {
    expect(serviceIssues("build:\n  context: .\n  cache_from: [a]", { files })).toEqual([
      "services.web.build.cache_from: not supported",
    ]);
  });
});

describe("command and entrypoint", () => {
  it("splits a string like a shell, without expansion, and keeps a list as it is", () => {
    const s = service(`image: x\ncommand: sh -c 'echo "$$HOME" && ls'\nentrypoint: ["/bin/tini", "--"]`);
    expect(s.command).toEqual(["sh", "-c", 'echo "$HOME" && ls']);
    expect(s.entrypoint).toEqual(["/bin/tini", "--"]);
    expect(service('image: x\ncommand: echo "a b" c\\ d').command).toEqual(["echo", "a b", "c d"]);
    expect(service("image: x\ncommand: []").command).toEqual([]);
  });

  it("refuses an unclosed quote and a bare shell operator", () => {
    expect(serviceIssues("image: x\ncommand: echo 'oops")).toEqual([
      "services.web.command: a single quote is not closed",
    ]);
    expect(serviceIssues("image: x\nentrypoint: a && b")).toEqual([
      'services.web.entrypoint: "a && b" holds a shell operator; write it as ["sh", "-c", "a && b"]',
    ]);
  });
});

describe("environment and env_file", () => {
  const files = { "a.env": "A=from-a\nSHARED=a\n# comment\nREF=${KEY}", "b.env": "SHARED=b\nB=2" };

  it("layers env_file entries in order, then environment", () => {
    const s = service(
      "image: x\nenv_file: [a.env, ./b.env]\nenvironment:\n  SHARED: env\n  NUM: 5\n  BOOL: true\n  UNSET:",
      { files },
    );
    expect(s.environment).toEqual({
      A: "from-a",
      SHARED: "env",
      REF: "secret",
      B: "2",
      NUM: "5",
      BOOL: "true",
      UNSET: null,
    });
  });

  it("reads the list form, KEY without = being null", () => {
    expect(
      service("image: x\nenv_file: a.env\nenvironment:\n  - X=1=2\n  - A\n  - EMPTY=", { files }).environment,
    ).toEqual({
      A: null,
      SHARED: "a",
      REF: "secret",
      X: "1=2",
      EMPTY: "",
    });
  });

  it("reports a missing env_file, unless it is optional", () => {
    expect(serviceIssues("image: x\nenv_file: [a.env, missing.env]", { files })).toEqual([
      'services.web.env_file[1]: the file "missing.env" is not among the stack\'s files',
    ]);
    expect(serviceIssues("image: x\nenv_file: /etc/passwd", { files })).toEqual([
      'services.web.env_file: "/etc/passwd" must be a relative path inside the stack',
    ]);
    expect(
      service("image: x\nenv_file:\n  - path: missing.env\n    required: false\n  - path: b.env", { files })
        .environment,
    ).toEqual({
      SHARED: "b",
      B: "2",
    });
  });

  it("reports a bad line in an env_file with the file and line", () => {
    expect(serviceIssues("image: x\nenv_file: bad.env", { files: { "bad.env": "OK=1\n2BAD=x" } })).toEqual([
      'services.web.env_file: "bad.env", line 2: "2BAD" is not a valid variable name',
    ]);
  });
});

describe("ports, expose and mounts", () => {
  it("expands short and long port syntax", () => {
    expect(
      service(
        'image: x\nports:\n  - "8000-8001:80-81"\n  - 127.0.0.1:8080:80/udp\n  - 9000\n  - target: 443\n    published: 8443\n    host_ip: ::1',
      ).ports,
    ).toEqual([
      { target: 80, published: 8000, protocol: "tcp" },
      { target: 81, published: 8001, protocol: "tcp" },
      { target: 80, published: 8080, hostIp: "127.0.0.1", protocol: "udp" },
      { target: 9000, protocol: "tcp" },
      { target: 443, published: 8443, hostIp: "::1", protocol: "tcp" },
    ]);
    expect(service('image: x\nexpose: ["80", 53/udp]').expose).toEqual(["80/tcp", "53/udp"]);
  });

  it("reads volumes of every form and service tmpfs", () => {
    const s = service(
      "image: x\nvolumes:\n  - data:/data:ro\n  - ./site:/usr/share/nginx/html\n  - /cache\n  - type: tmpfs\n    target: /t\n    tmpfs: {size: 1m}\ntmpfs:\n  - /run:size=1k",
      { workingDir: "/stacks/demo" },
    );
    expect(s.mounts).toEqual([
      { type: "volume", source: "data", target: "/data", readOnly: true, nocopy: false },
      {
        type: "bind",
        source: "/stacks/demo/site",
        target: "/usr/share/nginx/html",
        readOnly: false,
        createHostPath: true,
      },
      { type: "volume", target: "/cache", readOnly: false, nocopy: false },
      { type: "tmpfs", target: "/t", size: 1024 ** 2 },
      { type: "tmpfs", target: "/run", size: 1024 },
    ]);
    expect(service("image: x\ntmpfs: /run").mounts).toEqual([{ type: "tmpfs", target: "/run" }]);
  });

  it("reports each bad entry at its index", () => {
    expect(serviceIssues('image: x\nports: ["80", "x:80"]\nexpose: [http]\nvolumes: ["/ok", "rel"]')).toEqual(
      [
        'services.web.ports[1]: "x" in "x:80" is not a port (1-65535) or a port range',
        'services.web.expose[0]: "http" is not a port (1-65535) or a port range',
        'services.web.volumes[1]: the target "rel" must be an absolute path',
      ],
    );
  });
});

describe("networks", () => {
  it("reads the list and the map form", () => {
    expect(service("image: x\nnetworks: [front, back]").networks).toEqual({
      front: { aliases: [] },
      back: { aliases: [] },
    });
    expect(
      service(
        "image: x\nnetworks:\n  front:\n    aliases: [www]\n    ipv4_address: 10.0.0.5\n    ipv6_address: fd00::5\n    priority: 10\n  back:",
      ).networks,
    ).toEqual({
      front: { aliases: ["www"], ipv4Address: "10.0.0.5", ipv6Address: "fd00::5", priority: 10 },
      back: { aliases: [] },
    });
  });

  it.each(["none", "host", "bridge", "container:abc123"])(
    "takes network_mode %s without networks",
    (mode) => {
      const s = service(`image: x\nnetwork_mode: ${mode}`);
      expect(s.networkMode).toBe(mode);
      expect(s.networks).toEqual({});
    },
  );

  it("refuses an unknown network_mode, and one with networks", () => {
    expect(serviceIssues("image: x\nnetwork_mode: mynet")).toEqual([
      'services.web.network_mode: must be "none", "host", "bridge", "service:<name>" or "container:<name>"',
    ]);
    expect(serviceIssues("image: x\nnetwork_mode: host\nnetworks: [default]")).toEqual([
      "services.web.networks: cannot be set together with network_mode",
    ]);
  });
});

describe("healthcheck", () => {
  it("reads a string test as CMD-SHELL and durations as nanoseconds", () => {
    expect(
      service(
        "image: x\nhealthcheck:\n  test: curl -f http://localhost\n  interval: 1m30s\n  timeout: 10s\n  retries: 3\n  start_period: 500ms",
      ).healthcheck,
    ).toEqual({
      test: ["CMD-SHELL", "curl -f http://localhost"],
      interval: 90e9,
      timeout: 10e9,
      retries: 3,
      startPeriod: 500e6,
    });
  });

  it("keeps a list test, and disable is NONE", () => {
    expect(service('image: x\nhealthcheck:\n  test: ["CMD", "pg_isready"]').healthcheck).toEqual({
      test: ["CMD", "pg_isready"],
    });
    expect(service("image: x\nhealthcheck:\n  disable: true").healthcheck).toEqual({ test: ["NONE"] });
  });

  it("refuses bad durations and list tests", () => {
    expect(serviceIssues("image: x\nhealthcheck:\n  test: [pg_isready]\n  interval: '10'")).toEqual([
      'services.web.healthcheck.test: a list must start with "CMD", "CMD-SHELL" or "NONE"',
      'services.web.healthcheck.interval: "10" is not a duration such as "1m30s", "10s" or "500ms"',
    ]);
  });
});

describe("runtime settings", () => {
  it("reads every plain setting", () => {
    const s = service(
      [
        "image: x",
        "restart: on-failure:3",
        "labels: [a=1, b]",
        "user: '1000:1000'",
        "working_dir: /app",
        "hostname: h",
        "domainname: example.com",
        "init: true",
        "stop_signal: SIGINT",
        "stop_grace_period: 1m30s",
        "tty: true",
        "stdin_open: true",
        "cap_add: [NET_ADMIN]",
        "cap_drop: [ALL]",
        "privileged: true",
        "read_only: true",
        "devices: [/dev/fuse:/dev/fuse:rwm]",
        "security_opt: [no-new-privileges:true]",
        "extra_hosts: [somehost:162.242.195.82, other=10.0.0.1]",
        "dns: 8.8.8.8",
        "dns_search: [a.example, b.example]",
        "sysctls: {net.core.somaxconn: 1024}",
        "ulimits:\n  nproc: 65535\n  nofile:\n    soft: 20000\n    hard: 40000",
        "shm_size: 256m",
        "logging:\n  driver: json-file\n  options:\n    max-size: 10m\n    max-file: 3",
        "profiles: [default-off]",
        "container_name: my-web",
        "pull_policy: if_not_present",
      ].join("\n"),
      { profiles: ["default-off"] },
    );
    expect(s).toMatchObject({
      restart: "on-failure:3",
      labels: { a: "1", b: "" },
      user: "1000:1000",
      workingDir: "/app",
      hostname: "h",
      domainname: "example.com",
      init: true,
      stopSignal: "SIGINT",
      stopGracePeriod: 90,
      tty: true,
      stdinOpen: true,
      capAdd: ["NET_ADMIN"],
      capDrop: ["ALL"],
      privileged: true,
      readOnly: true,
      devices: ["/dev/fuse:/dev/fuse:rwm"],
      securityOpt: ["no-new-privileges:true"],
      extraHosts: ["somehost:162.242.195.82", "other:10.0.0.1"],
      dns: ["8.8.8.8"],
      dnsSearch: ["a.example", "b.example"],
      sysctls: { "net.core.somaxconn": "1024" },
      ulimits: { nproc: { soft: 65535, hard: 65535 }, nofile: { soft: 20000, hard: 40000 } },
      shmSize: 256 * 1024 ** 2,
      logging: { driver: "json-file", options: { "max-size": "10m", "max-file": "3" } },
      profiles: ["default-off"],
      containerName: "my-web",
      pullPolicy: "missing",
    });
  });

  it("reads extra_hosts as a map, and rounds the grace period up to whole seconds", () => {
    const s = service("image: x\nextra_hosts:\n  db: 10.0.0.2\nstop_grace_period: 1500ms");
    expect(s.extraHosts).toEqual(["db:10.0.0.2"]);
    expect(s.stopGracePeriod).toBe(2);
  });

  it("refuses a bad restart policy, shm size and ulimit", () => {
    expect(
      serviceIssues("image: x\nrestart: sometimes\nshm_size: lots\nulimits:\n  nofile: {soft: 2, hard: 1}"),
    ).toEqual([
      'services.web.restart: must be "no", "always", "on-failure", "on-failure:N" or "unless-stopped"',
      'services.web.shm_size: "lots" is not a size such as "64m"',
      "services.web.ulimits.nofile: the soft limit 2 is above the hard limit 1",
    ]);
  });

  it("maps deploy.restart_policy to a restart policy", () => {
    expect(
      service("image: x\ndeploy:\n  restart_policy:\n    condition: on-failure\n    max_attempts: 5").restart,
    ).toBe("on-failure:5");
    expect(service("image: x\ndeploy:\n  restart_policy:\n    condition: any").restart).toBe("always");
    expect(service("image: x\ndeploy:\n  restart_policy:\n    condition: none").restart).toBe("no");
    expect(
      serviceIssues("image: x\nrestart: always\ndeploy:\n  restart_policy:\n    condition: none"),
    ).toEqual(['services.web.restart: "always" disagrees with deploy.restart_policy ("no"); keep one']);
  });
});

describe("resources and replicas", () => {
  it("reads the legacy keys", () => {
    const s = service("image: x\nmem_limit: 512m\nmem_reservation: 128M\ncpus: 0.5\npids_limit: 100");
    expect(s.limits).toEqual({ cpus: 0.5, memory: 512 * 1024 ** 2, pids: 100 });
    expect(s.reservations).toEqual({ memory: 128 * 1024 ** 2 });
  });

  it("reads deploy.resources and replicas", () => {
    const s = service(
      "image: x\ndeploy:\n  replicas: 3\n  resources:\n    limits: {cpus: '1.5', memory: 1g, pids: 50}\n    reservations: {cpus: '0.25', memory: 1.5gb}",
    );
    expect(s.limits).toEqual({ cpus: 1.5, memory: 1024 ** 3, pids: 50 });
    expect(s.reservations).toEqual({ cpus: 0.25, memory: 1.5 * 1024 ** 3 });
    expect(s.replicas).toBe(3);
    expect(service("image: x\nscale: 2").replicas).toBe(2);
  });

  it("refuses disagreeing duplicates and bad values", () => {
    expect(
      serviceIssues(
        "image: x\nmem_limit: 1g\ncpus: lots\nscale: 2\ncontainer_name: one\ndeploy:\n  replicas: 3\n  resources:\n    limits: {memory: 2g}",
      ),
    ).toEqual([
      'services.web.mem_limit: "1g" disagrees with deploy.resources.limits.memory ("2g"); keep one',
      'services.web.cpus: "lots" is not a number of CPUs such as 0.5 or 2',
      "services.web.scale: 2 disagrees with deploy.replicas (3); keep one",
      "services.web.container_name: a fixed container name allows only one replica, not 3",
    ]);
  });
});

describe("configs and secrets", () => {
  it("default their targets and read the long syntax", () => {
    const s = service(
      "image: x\nconfigs:\n  - app\n  - source: app\n    target: /etc/app.conf\n    mode: 0440\nsecrets:\n  - key\n  - source: key\n    target: api-key\n    uid: '1000'\n    gid: '1000'",
    );
    expect(s.configs).toEqual([
      { source: "app", target: "/app" },
      { source: "app", target: "/etc/app.conf", mode: 0o440 },
    ]);
    expect(s.secrets).toEqual([
      { source: "key", target: "/run/secrets/key" },
      { source: "key", target: "/run/secrets/api-key", uid: "1000", gid: "1000" },
    ]);
  });
});

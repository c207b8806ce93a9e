import { describe, expect, it } from "vitest";
import { DockerRunParseError, parseDockerRun, specToDockerRun } from "./docker-run";
import type { ContainerSpec } from "./types";

interface Row {
  line: string;
  spec: Partial<ContainerSpec>;
  notImported?: string[];
  /** Each pattern must match one notice. */
  notices?: RegExp[];
}

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** Lines as people paste them: the project's own docs and scripts, image READMEs, and shell edge cases. */
const TABLE: Record<string, Row> = {
  "the demo's web container": {
    line: "docker run -d --network none --name demo-web --label team=payments --label com.docker.compose.project=shop --memory 64m --cpus 0.5 local/ticker:1",
    spec: {
      name: "demo-web",
      network: "none",
      image: "local/ticker:1",
      labels: [
        { key: "team", value: "payments" },
        { key: "com.docker.compose.project", value: "shop" },
      ],
      limits: { memory: 64 * MiB, nanoCpus: 500_000_000 },
      cmd: [],
      start: true,
    },
  },
  "the demo's worker": {
    line: "docker run -d --network none --name demo-worker --label team=search --restart unless-stopped --pids-limit 64 local/idle:1",
    spec: {
      restart: { name: "unless-stopped", maximumRetryCount: 0 },
      limits: { pidsLimit: 64 },
      image: "local/idle:1",
    },
  },
  "the demo's database, with a secret in the env": {
    line: "docker run -d --network none --name demo-db --label team=payments --memory 128m -e POSTGRES_PASSWORD=not-a-real-secret local/idle:1",
    spec: { env: [{ key: "POSTGRES_PASSWORD", value: "not-a-real-secret" }], limits: { memory: 128 * MiB } },
  },
  "the demo script's docker function, with a global -H and shell variables": {
    line: 'docker -H "unix://$ENGINES/$engine/docker.sock" run -d --network none --name "$name" local/idle:1',
    spec: { name: "$name", image: "local/idle:1", network: "none" },
    notices: [/\$ENGINES was kept literally/, /\$name was kept literally/, /CLI option -H/],
  },
  "the demo's stopped container, made with docker create": {
    line: "docker create --network none --name demo-stopped local/idle:1",
    spec: { name: "demo-stopped", start: false },
  },
  "the test fixtures' run line": {
    line: "docker run -d --network none --name it1-fixture --label wharf.test=it1 local/ticker:1",
    spec: { labels: [{ key: "wharf.test", value: "it1" }], image: "local/ticker:1" },
  },
  "nginx from its README": {
    line: "docker run --name some-nginx -d -p 8080:80 nginx",
    spec: {
      name: "some-nginx",
      image: "nginx",
      ports: [{ hostIp: "", hostPort: "8080", containerPort: "80", protocol: "tcp" }],
    },
  },
  "an interactive throwaway shell": {
    line: "docker run -it --rm ubuntu:22.04 bash",
    spec: { tty: true, openStdin: true, autoRemove: true, image: "ubuntu:22.04", cmd: ["bash"] },
  },
  "postgres from its README": {
    line: "docker run --name some-postgres -e POSTGRES_PASSWORD=mysecretpassword -d postgres",
    spec: {
      name: "some-postgres",
      env: [{ key: "POSTGRES_PASSWORD", value: "mysecretpassword" }],
      image: "postgres",
    },
  },
  "mysql with a data dir": {
    line: "docker run --name some-mysql -v /my/own/datadir:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw -d mysql:8.4",
    spec: {
      mounts: [
        { type: "bind", source: "/my/own/datadir", target: "/var/lib/mysql", readOnly: false, options: [] },
      ],
    },
  },
  "redis with flags for the server after the image": {
    line: "docker run --name some-redis -d redis redis-server --save 60 1 --loglevel warning",
    spec: { image: "redis", cmd: ["redis-server", "--save", "60", "1", "--loglevel", "warning"] },
  },
  portainer: {
    line: "docker run -d -p 8000:8000 -p 9443:9443 --name portainer --restart=always -v /var/run/docker.sock:/var/run/docker.sock -v portainer_data:/data portainer/portainer-ce:latest",
    spec: {
      restart: { name: "always", maximumRetryCount: 0 },
      mounts: [
        {
          type: "bind",
          source: "/var/run/docker.sock",
          target: "/var/run/docker.sock",
          readOnly: false,
          options: [],
        },
        { type: "volume", source: "portainer_data", target: "/data", readOnly: false, options: [] },
      ],
      ports: [
        { hostIp: "", hostPort: "8000", containerPort: "8000", protocol: "tcp" },
        { hostIp: "", hostPort: "9443", containerPort: "9443", protocol: "tcp" },
      ],
    },
  },
  "dozzle with --volume= and a read-only socket": {
    line: "docker run --name dozzle -d --volume=/var/run/docker.sock:/var/run/docker.sock:ro -p 8080:8080 amir20/dozzle:latest",
    spec: {
      mounts: [
        {
          type: "bind",
          source: "/var/run/docker.sock",
          target: "/var/run/docker.sock",
          readOnly: true,
          options: [],
        },
      ],
    },
  },
  "traefik over several lines, with labels in double quotes": {
    line: `docker run -d \\
  -p 8080:8080 -p 80:80 \\
  --label "traefik.http.routers.api.rule=Host(\`traefik.localhost\`)" \\
  -v /var/run/docker.sock:/var/run/docker.sock \\
  traefik:v3.1 --api.insecure=true --providers.docker`,
    spec: {
      labels: [{ key: "traefik.http.routers.api.rule", value: "Host(`traefik.localhost`)" }],
      image: "traefik:v3.1",
      cmd: ["--api.insecure=true", "--providers.docker"],
    },
    notices: [/command substitution was kept literally/],
  },
  "home assistant with unknown flags before the image": {
    line: "docker run -d --name homeassistant --privileged --restart=unless-stopped -e TZ=Europe/Berlin -v /srv/ha:/config -v /run/dbus:/run/dbus:ro --network=host ghcr.io/home-assistant/home-assistant:stable",
    spec: {
      network: "host",
      image: "ghcr.io/home-assistant/home-assistant:stable",
      env: [{ key: "TZ", value: "Europe/Berlin" }],
    },
    notImported: ["--privileged"],
  },
  "pi-hole with capabilities and DNS": {
    line: "docker run -d --name pihole -p 53:53/tcp -p 53:53/udp -p 80:80 -e TZ=America/Chicago -v ./etc-pihole:/etc/pihole --dns=127.0.0.1 --dns=1.1.1.1 --cap-add NET_ADMIN --restart=unless-stopped pihole/pihole:latest",
    spec: {
      image: "pihole/pihole:latest",
      ports: [
        { hostIp: "", hostPort: "53", containerPort: "53", protocol: "tcp" },
        { hostIp: "", hostPort: "53", containerPort: "53", protocol: "udp" },
        { hostIp: "", hostPort: "80", containerPort: "80", protocol: "tcp" },
      ],
      mounts: [],
    },
    notImported: ["-v ./etc-pihole:/etc/pihole", "--dns 127.0.0.1", "--dns 1.1.1.1", "--cap-add NET_ADMIN"],
    notices: [/relative paths are not allowed/],
  },
  "an entrypoint override with a quoted script": {
    line: `docker run --rm -it --entrypoint /bin/sh alpine -c 'echo "hello $USER"; ls /'`,
    spec: { entrypoint: ["/bin/sh"], image: "alpine", cmd: ["-c", 'echo "hello $USER"; ls /'] },
  },
  "a single quote inside single quotes": {
    line: `docker run alpine echo 'it'\\''s here'`,
    spec: { cmd: ["echo", "it's here"] },
  },
  "backslash escapes in double quotes": {
    line: `docker run -e "MSG=say \\"hi\\" for \\$5 \\\\ \\n" alpine`,
    spec: { env: [{ key: "MSG", value: 'say "hi" for $5 \\ \\n' }] },
  },
  "backslash escapes outside quotes": {
    line: `docker run -e A=one\\ two -l x=\\'q\\' alpine`,
    spec: { env: [{ key: "A", value: "one two" }], labels: [{ key: "x", value: "'q'" }] },
  },
  "a variable kept literally": {
    line: 'docker run -e HOME_DIR=$HOME -v "${PWD}/data:/data" alpine',
    spec: { env: [{ key: "HOME_DIR", value: "$HOME" }] },
    notImported: ["-v '${PWD}/data:/data'"],
    notices: [/\$HOME was kept literally/, /\$\{PWD\} was kept literally/],
  },
  "-e KEY without a value, and --env-file": {
    line: "docker run --env-file ./prod.env -e API_TOKEN -e LEVEL=debug app:1",
    spec: {
      env: [
        { key: "API_TOKEN", value: "" },
        { key: "LEVEL", value: "debug" },
      ],
    },
    notices: [/--env-file \.\/prod\.env was ignored/, /API_TOKEN has no value/],
  },
  "combined short flags": {
    line: "docker run -dit --name box busybox",
    spec: { tty: true, openStdin: true, name: "box", image: "busybox" },
  },
  "a short flag with its value attached, and -e=": {
    line: "docker run -p80:80 -e=FOO=bar -itp 443:443 nginx",
    spec: {
      env: [{ key: "FOO", value: "bar" }],
      tty: true,
      openStdin: true,
      ports: [
        { hostIp: "", hostPort: "80", containerPort: "80", protocol: "tcp" },
        { hostIp: "", hostPort: "443", containerPort: "443", protocol: "tcp" },
      ],
    },
  },
  "logging options are listed, not dropped": {
    line: "docker run --log-driver json-file --log-opt max-size=1m --log-opt=max-file=3 nginx",
    spec: { image: "nginx", cmd: [] },
    notImported: ["--log-driver json-file", "--log-opt max-size=1m", "--log-opt max-file=3"],
  },
  "capabilities in both spellings": {
    line: "docker run --cap-add NET_ADMIN --cap-add=SYS_TIME --cap-drop ALL alpine sleep 1",
    spec: { image: "alpine", cmd: ["sleep", "1"] },
    notImported: ["--cap-add NET_ADMIN", "--cap-add SYS_TIME", "--cap-drop ALL"],
  },
  "a full healthcheck": {
    line: "docker run --health-cmd 'curl -f http://localhost/ || exit 1' --health-interval 30s --health-timeout 5s --health-retries 3 --health-start-period 1m30s nginx",
    spec: {
      healthcheck: {
        test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
        interval: 30e9,
        timeout: 5e9,
        retries: 3,
        startPeriod: 90e9,
      },
    },
  },
  "no healthcheck": {
    line: "docker run --no-healthcheck nginx",
    spec: { healthcheck: { test: ["NONE"], interval: 0, timeout: 0, startPeriod: 0, retries: 0 } },
  },
  "--mount for a read-only bind with propagation": {
    line: "docker run --mount type=bind,source=/src,target=/app,readonly,bind-propagation=rslave node:20 npm start",
    spec: {
      mounts: [{ type: "bind", source: "/src", target: "/app", readOnly: true, options: ["rslave"] }],
      cmd: ["npm", "start"],
    },
  },
  "--mount for a volume with a driver option the form cannot hold": {
    line: "docker run --mount type=volume,src=data,dst=/data,volume-driver=local,volume-nocopy alpine",
    spec: {
      mounts: [{ type: "volume", source: "data", target: "/data", readOnly: false, options: ["nocopy"] }],
    },
    notImported: [
      "--mount type=volume,src=data,dst=/data,volume-driver=local,volume-nocopy (volume-driver=local)",
    ],
  },
  "tmpfs with options": {
    line: "docker run --tmpfs /run:rw,size=64m,mode=1777 --tmpfs /tmp alpine",
    spec: {
      mounts: [
        { type: "tmpfs", source: "", target: "/run", readOnly: false, options: ["size=64m", "mode=1777"] },
        { type: "tmpfs", source: "", target: "/tmp", readOnly: false, options: [] },
      ],
    },
  },
  "volume mode flags kept verbatim": {
    line: "docker run -v data:/data:ro,z -v /srv/www:/www:Z,rshared -v /cache alpine",
    spec: {
      mounts: [
        { type: "volume", source: "data", target: "/data", readOnly: true, options: ["z"] },
        { type: "bind", source: "/srv/www", target: "/www", readOnly: false, options: ["Z", "rshared"] },
        { type: "volume", source: "", target: "/cache", readOnly: false, options: [] },
      ],
    },
  },
  "ports with addresses and protocols": {
    line: "docker run -p 127.0.0.1:8080:80/udp -p [::1]:5353:53/udp -p 127.0.0.1::9000 -p 3000 coredns/coredns",
    spec: {
      ports: [
        { hostIp: "127.0.0.1", hostPort: "8080", containerPort: "80", protocol: "udp" },
        { hostIp: "::1", hostPort: "5353", containerPort: "53", protocol: "udp" },
        { hostIp: "127.0.0.1", hostPort: "", containerPort: "9000", protocol: "tcp" },
        { hostIp: "", hostPort: "", containerPort: "3000", protocol: "tcp" },
      ],
    },
  },
  "port ranges": {
    line: "docker run -p 8000-8010:8000-8010 -p 9000-9005:80 app",
    spec: {
      ports: [
        { hostIp: "", hostPort: "8000-8010", containerPort: "8000-8010", protocol: "tcp" },
        { hostIp: "", hostPort: "9000-9005", containerPort: "80", protocol: "tcp" },
      ],
    },
  },
  "restart on failure with a count": {
    line: "docker run --restart on-failure:5 app",
    spec: { restart: { name: "on-failure", maximumRetryCount: 5 } },
  },
  "every limit": {
    line: "docker run -m 1.5g --memory-reservation 256m --memory-swap -1 --cpus 1.25 -c 512 --cpuset-cpus 0-1 --cpuset-mems 0 --pids-limit 200 --cpu-quota 50000 --cpu-period 100000 --blkio-weight 300 --oom-kill-disable app",
    spec: {
      limits: {
        memory: 1.5 * GiB,
        memoryReservation: 256 * MiB,
        memorySwap: -1,
        nanoCpus: 1_250_000_000,
        cpuShares: 512,
        cpusetCpus: "0-1",
        cpusetMems: "0",
        pidsLimit: 200,
        cpuQuota: 50000,
        cpuPeriod: 100000,
        blkioWeight: 300,
        oomKillDisable: true,
      },
    },
  },
  "a user network with aliases": {
    line: "docker run --network backend --network-alias db --net-alias database postgres:16",
    spec: { network: "backend", aliases: ["db", "database"] },
  },
  "the network's long form and a second network": {
    line: "docker run --network name=front,alias=web --net=back app",
    spec: { network: "front", aliases: ["web"], networks: [{ name: "back", aliases: [] }] },
  },
  "hostname, user and working dir in short and long forms": {
    line: "docker run -h myhost -u 1000:1000 -w /app --workdir=/srv node:20 node server.js",
    spec: { hostname: "myhost", user: "1000:1000", workingDir: "/srv", cmd: ["node", "server.js"] },
  },
  "behind sudo and podman": {
    line: "sudo podman run --rm docker.io/library/alpine:3.20 true",
    spec: { image: "docker.io/library/alpine:3.20", autoRemove: true, cmd: ["true"] },
  },
  "the container run subcommand, after an env assignment": {
    line: "DOCKER_HOST=tcp://10.0.0.2:2375 docker container run -d busybox",
    spec: { image: "busybox" },
    notices: [/assignment DOCKER_HOST=.* was ignored/],
  },
  "-- ends the flags": {
    line: "docker run --rm -- alpine ls -l",
    spec: { image: "alpine", cmd: ["ls", "-l"], autoRemove: true },
  },
  "a command that looks like flags": {
    line: "docker run alpine ls -la --color=never /",
    spec: { cmd: ["ls", "-la", "--color=never", "/"] },
  },
  "unknown switches before the image": {
    line: "docker run --privileged --init --read-only -P alpine",
    spec: { image: "alpine" },
    notImported: ["--privileged", "--init", "--read-only", "-P"],
  },
  "unknown flags that take values before the image": {
    line: "docker run --ulimit nofile=1024:2048 --shm-size 1g --device /dev/fuse --add-host db:10.0.0.5 --sysctl net.core.somaxconn=1024 alpine sh",
    spec: { image: "alpine", cmd: ["sh"] },
    notImported: [
      "--ulimit nofile=1024:2048",
      "--shm-size 1g",
      "--device /dev/fuse",
      "--add-host db:10.0.0.5",
      "--sysctl net.core.somaxconn=1024",
    ],
  },
  "a flag no docker version has": {
    line: "docker run --frobnicate=3 --wibble x alpine",
    spec: { image: "alpine" },
    notImported: ["--frobnicate 3", "--wibble x"],
    notices: [/--wibble is not a flag Wharf knows/],
  },
  "ANSI-C quoting": {
    line: "docker run -e $'SEP=a\\tb' alpine",
    spec: { env: [{ key: "SEP", value: "a\tb" }] },
  },
  "a continuation with CRLF line ends": {
    line: "docker run -d \\\r\n  --name win \\\r\n  nginx",
    spec: { name: "win", image: "nginx" },
  },
  "a trailing comment": {
    line: "docker run -d nginx # the web server",
    spec: { image: "nginx", cmd: [] },
  },
  "a chained command": {
    line: "docker run -d --name web nginx && docker logs -f web",
    spec: { image: "nginx", cmd: [] },
    notices: [/only the first command/],
  },
  "invalid values are listed with the reason": {
    line: "docker run -p abc -p 70000:80 --restart sometimes --memory 12x --health-interval soon nginx",
    spec: { ports: [], restart: { name: "no", maximumRetryCount: 0 }, limits: {} },
    notImported: ["-p abc", "-p 70000:80", "--restart sometimes", "--memory 12x", "--health-interval soon"],
  },
  "--rm=false and --name=": {
    line: "docker run -d --name=web --rm=false nginx",
    spec: { name: "web", autoRemove: false },
  },
  "an empty entrypoint": {
    line: 'docker run --entrypoint "" nginx nginx -g "daemon off;"',
    spec: { entrypoint: [""], cmd: ["nginx", "-g", "daemon off;"] },
  },
  "GPUs and platform are listed": {
    line: "docker run --gpus all --platform linux/amd64 nvidia/cuda:12.0-base nvidia-smi",
    spec: { image: "nvidia/cuda:12.0-base", cmd: ["nvidia-smi"] },
    notImported: ["--gpus all", "--platform linux/amd64"],
  },
  "terminal-only flags give notices": {
    line: "docker run -a stdout -a stderr --sig-proxy=false alpine",
    spec: { image: "alpine" },
    notImported: [],
    notices: [/-a stdout: attaching/, /--sig-proxy/],
  },
  "label files and volumes-from are listed": {
    line: "docker run --label-file ./labels --volumes-from data-box -l tier alpine",
    spec: { labels: [{ key: "tier", value: "" }] },
    notImported: ["--label-file ./labels", "--volumes-from data-box"],
  },
  "a flag-only line without docker run": {
    line: "-d --name bare -p 80:80 nginx:alpine",
    spec: { name: "bare", image: "nginx:alpine" },
  },
};

describe("parseDockerRun: real-world lines", () => {
  it("has a table of at least 40 lines", () => {
    expect(Object.keys(TABLE).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(TABLE))("%s", (_name, row) => {
    const got = parseDockerRun(row.line);

    expect(got.spec).toMatchObject(row.spec);
    expect(got.notImported).toEqual(row.notImported ?? []);
    for (const re of row.notices ?? [])
      expect(
        got.notices.some((n) => re.test(n)),
        `${re} in ${got.notices.join(" | ")}`,
      ).toBe(true);
  });
});

describe("parseDockerRun: lines it cannot read", () => {
  it.each([
    ["docker run 'alpine", /single quote is not closed/],
    ['docker run -e "A=b alpine', /double quote is not closed/],
    ["docker run -d --name web", /no image/],
    ["docker run -e", /-e needs a value/],
    ["docker ps -a", /expected "run" or "create"/],
  ])("%s", (line, re) => {
    expect(() => parseDockerRun(line)).toThrow(DockerRunParseError);
    expect(() => parseDockerRun(line)).toThrow(re);
  });
});

describe("specToDockerRun", () => {
  it("quotes only what the shell needs, with single quotes", () => {
    const { spec } = parseDockerRun(
      `docker run -d --name web -e 'GREETING=it'\\''s "fine" $HOME' -l a=b -p 8080:80 -v data:/data:ro,z nginx:1.27 sh -c 'echo hi'`,
    );

    expect(specToDockerRun(spec)).toBe(
      `docker run -d --name web -e 'GREETING=it'\\''s "fine" $HOME' --label a=b -p 8080:80 -v data:/data:ro,z nginx:1.27 sh -c 'echo hi'`,
    );
  });

  it("writes docker create for a container not to be started, and the tty flags together", () => {
    const { spec } = parseDockerRun("docker create -t -i --rm busybox");

    expect(specToDockerRun(spec)).toBe("docker create -it --rm busybox");
  });

  it("writes a multi-word entrypoint as its first word, with the rest leading the command", () => {
    const { spec } = parseDockerRun("docker run alpine -c 'echo hi'");
    spec.entrypoint = ["/bin/sh", "-e"];

    expect(specToDockerRun(spec)).toBe("docker run -d --entrypoint /bin/sh alpine -e -c 'echo hi'");
  });
});

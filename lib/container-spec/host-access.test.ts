import { describe, expect, it } from "vitest";
import { specToCreateBody } from "./create-body";
import { parseDockerRun } from "./docker-run";
import { hostAccessRefusal, hostAccessSettings, namedVolumes, volumeHostAccess } from "./host-access";

const hc = (HostConfig: Record<string, unknown>) => ({ Image: "app:1", HostConfig });
const fields = (config: unknown) => hostAccessSettings(config).map((s) => s.field);

const ENGINE_MASKED = [
  "/proc/asound",
  "/proc/acpi",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/sys/firmware",
];
const ENGINE_READONLY = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

describe("hostAccessSettings", () => {
  it.each([
    ["privileged", hc({ Privileged: true }), "config.HostConfig.Privileged", /privileged/],
    ["a bind of /", hc({ Binds: ["/:/host"] }), "config.HostConfig.Binds[0]", /host path \/ /],
    [
      "the docker socket",
      hc({ Binds: ["data:/data", "/var/run/docker.sock:/var/run/docker.sock:ro"] }),
      "config.HostConfig.Binds[1]",
      /\/var\/run\/docker\.sock/,
    ],
    [
      "a bind mount",
      hc({
        Mounts: [
          { Type: "tmpfs", Target: "/t" },
          { Type: "bind", Source: "/etc", Target: "/e" },
        ],
      }),
      "config.HostConfig.Mounts[1].Source",
      /host path \/etc/,
    ],
    [
      "a volume made with bind options",
      hc({
        Mounts: [
          {
            Type: "volume",
            Target: "/r",
            VolumeOptions: {
              DriverConfig: { Name: "local", Options: { type: "none", o: "bind", device: "/" } },
            },
          },
        ],
      }),
      "config.HostConfig.Mounts[0].VolumeOptions.DriverConfig",
      /driver options/,
    ],
    [
      "a named pipe",
      hc({ Mounts: [{ Type: "npipe", Source: "\\\\.\\pipe\\docker_engine", Target: "/p" }] }),
      "config.HostConfig.Mounts[0].Source",
      /named pipe/,
    ],
    [
      "another container's volumes",
      hc({ VolumesFrom: ["admin-box:ro"] }),
      "config.HostConfig.VolumesFrom[0]",
      /admin-box/,
    ],
    ["--pid host", hc({ PidMode: "host" }), "config.HostConfig.PidMode", /every process.*--pid host/],
    ["--network host", hc({ NetworkMode: "host" }), "config.HostConfig.NetworkMode", /network stack/],
    [
      "the host network as an endpoint",
      { Image: "a", NetworkingConfig: { EndpointsConfig: { host: {} } } },
      "config.NetworkingConfig.EndpointsConfig.host",
      /--network host/,
    ],
    ["--ipc host", hc({ IpcMode: "host" }), "config.HostConfig.IpcMode", /IPC/],
    ["--uts host", hc({ UTSMode: "host" }), "config.HostConfig.UTSMode", /hostname/],
    ["--userns host", hc({ UsernsMode: "host" }), "config.HostConfig.UsernsMode", /root on the host/],
    [
      "a device",
      hc({ Devices: [{ PathOnHost: "/dev/sda", PathInContainer: "/dev/sda", CgroupPermissions: "rwm" }] }),
      "config.HostConfig.Devices[0]",
      /\/dev\/sda/,
    ],
    [
      "--gpus",
      hc({ DeviceRequests: [{ Count: -1, Capabilities: [["gpu"]] }] }),
      "config.HostConfig.DeviceRequests[0]",
      /GPU/,
    ],
    [
      "a device cgroup rule",
      hc({ DeviceCgroupRules: ["c *:* rwm"] }),
      "config.HostConfig.DeviceCgroupRules[0]",
      /c \*:\* rwm/,
    ],
    ["any added capability", hc({ CapAdd: ["NET_ADMIN"] }), "config.HostConfig.CapAdd[0]", /NET_ADMIN/],
    [
      "seccomp=unconfined",
      hc({ SecurityOpt: ["seccomp=unconfined"] }),
      "config.HostConfig.SecurityOpt[0]",
      /seccomp/,
    ],
    [
      "a custom seccomp profile",
      hc({ SecurityOpt: ['seccomp={"defaultAction":"SCMP_ACT_ALLOW"}'] }),
      "config.HostConfig.SecurityOpt[0]",
      /profile/,
    ],
    [
      "apparmor=unconfined",
      hc({ SecurityOpt: ["no-new-privileges", "apparmor=unconfined"] }),
      "config.HostConfig.SecurityOpt[1]",
      /AppArmor/,
    ],
    ["label=disable", hc({ SecurityOpt: ["label=disable"] }), "config.HostConfig.SecurityOpt[0]", /SELinux/],
    [
      "label:disable (older syntax)",
      hc({ SecurityOpt: ["label:disable"] }),
      "config.HostConfig.SecurityOpt[0]",
      /label=disable/,
    ],
    [
      "an SELinux type",
      hc({ SecurityOpt: ["label=type:spc_t"] }),
      "config.HostConfig.SecurityOpt[0]",
      /type:spc_t/,
    ],
    [
      "systempaths=unconfined",
      hc({ SecurityOpt: ["systempaths=unconfined"] }),
      "config.HostConfig.SecurityOpt[0]",
      /\/proc\/sys/,
    ],
    [
      "an unknown security option",
      hc({ SecurityOpt: ["writable-cgroups=true"] }),
      "config.HostConfig.SecurityOpt[0]",
      /writable-cgroups/,
    ],
    ["unmasked /proc paths", hc({ MaskedPaths: [] }), "config.HostConfig.MaskedPaths", /\/proc\/kcore/],
    [
      "a writable /proc/sys",
      hc({ ReadonlyPaths: ENGINE_READONLY.filter((p) => p !== "/proc/sys") }),
      "config.HostConfig.ReadonlyPaths",
      /^leave \/proc\/sys open/,
    ],
  ])("lists %s", (_, config, field, reason) => {
    const found = hostAccessSettings(config);

    expect(found.map((s) => s.field)).toEqual([field]);
    expect(found[0]?.reason).toMatch(reason);
  });

  it.each([
    ["a named volume", hc({ Binds: ["data:/data:ro,z"] })],
    ["an anonymous volume", hc({ Binds: ["/cache"], Mounts: [{ Type: "volume", Target: "/v" }] })],
    [
      "a named volume mount without driver options",
      hc({ Mounts: [{ Type: "volume", Source: "data", Target: "/d", VolumeOptions: { NoCopy: true } }] }),
    ],
    ["tmpfs", hc({ Tmpfs: { "/run": "size=1m" }, Mounts: [{ Type: "tmpfs", Target: "/t" }] })],
    [
      "a user network",
      {
        Image: "a",
        HostConfig: { NetworkMode: "back" },
        NetworkingConfig: { EndpointsConfig: { back: {} } },
      },
    ],
    ["the built-in networks", hc({ NetworkMode: "bridge" })],
    [
      "another container's namespaces",
      hc({ NetworkMode: "container:db", PidMode: "container:db", IpcMode: "container:db" }),
    ],
    [
      "the engine's namespace defaults",
      hc({ IpcMode: "private", PidMode: "", UTSMode: "", UsernsMode: "", CgroupnsMode: "host" }),
    ],
    ["namespaced sysctls", hc({ Sysctls: { "net.ipv4.ip_forward": "1", "kernel.shmmax": "1000" } })],
    [
      "dropped capabilities and no-new-privileges",
      hc({ CapDrop: ["ALL"], SecurityOpt: ["no-new-privileges:true"] }),
    ],
    [
      "Privileged false and empty lists",
      hc({ Privileged: false, CapAdd: [], Devices: [], SecurityOpt: null, DeviceRequests: null }),
    ],
    [
      "the engine's own masked and read-only paths",
      hc({ MaskedPaths: ENGINE_MASKED, ReadonlyPaths: ENGINE_READONLY }),
    ],
    [
      "published ports, limits and users",
      hc({ PortBindings: { "80/tcp": [{ HostPort: "8080" }] }, Memory: 1 << 26, GroupAdd: ["0"] }),
    ],
    ["no HostConfig", { Image: "a" }],
    ["something that is not a body", "nonsense"],
  ])("leaves out %s", (_, config) => {
    expect(hostAccessSettings(config)).toEqual([]);
  });

  it.each([
    ["a lower-case key", hc({ privileged: true }), "config.HostConfig.privileged"],
    [
      "a lower-case HostConfig",
      { Image: "a", hostconfig: { Binds: ["/:/h"] } },
      "config.hostconfig.Binds[0]",
    ],
    [
      "a long s, which the engine folds to s",
      hc({ "Bind\u017f": ["/:/h"] }),
      "config.HostConfig.Bind\u017f[0]",
    ],
    ["a field at the top of the body", { Image: "a", Privileged: true }, "config.Privileged"],
    ["CapAdd as one string", hc({ CapAdd: "SYS_ADMIN" }), "config.HostConfig.CapAdd"],
    ["a lower-case pid mode key", hc({ pidmode: "host" }), "config.HostConfig.pidmode"],
    [
      "a mount whose type is spelt twice",
      hc({ Mounts: [{ Type: "volume", type: "bind", source: "/", Target: "/h" }] }),
      "config.HostConfig.Mounts[0].source",
    ],
    [
      "driver options under other spellings",
      hc({
        Mounts: [
          { Type: "volume", Target: "/r", volumeoptions: { driverconfig: { options: { device: "/" } } } },
        ],
      }),
      "config.HostConfig.Mounts[0].VolumeOptions.DriverConfig",
    ],
    ["the engine's bare label option", hc({ SecurityOpt: ["disable"] }), "config.HostConfig.SecurityOpt[0]"],
    [
      "an option the engine would split elsewhere",
      hc({ SecurityOpt: ["no-new-privileges:seccomp=unconfined"] }),
      "config.HostConfig.SecurityOpt[0]",
    ],
  ])("reads the body as the engine does: %s", (_, config, field) => {
    expect(fields(config)).toEqual([field]);
  });

  it("lists every setting in body order", () => {
    const config = hc({
      Binds: ["/:/host"],
      Privileged: true,
      PidMode: "host",
      CapAdd: ["SYS_ADMIN", "NET_ADMIN"],
    });

    expect(fields(config)).toEqual([
      "config.HostConfig.Privileged",
      "config.HostConfig.Binds[0]",
      "config.HostConfig.PidMode",
      "config.HostConfig.CapAdd[0]",
      "config.HostConfig.CapAdd[1]",
    ]);
  });

  it("finds what a docker run line asks for in the body the form writes", () => {
    const { spec } = parseDockerRun(
      "docker run -v /srv/data:/data -v cache:/cache --tmpfs /run --network host app:1",
    );

    expect(fields(specToCreateBody(spec).config)).toEqual([
      "config.HostConfig.Binds[0]",
      "config.HostConfig.NetworkMode",
    ]);
  });

  it("takes another prefix for bodies nested elsewhere", () => {
    expect(hostAccessSettings(hc({ Privileged: true }), "body")[0]?.field).toBe("body.HostConfig.Privileged");
  });
});

describe("hostAccessRefusal", () => {
  it("names the first field, the reason, and how many more there are", () => {
    const one = hostAccessRefusal(hostAccessSettings(hc({ Privileged: true })));
    const three = hostAccessRefusal(hostAccessSettings(hc({ Privileged: true, CapAdd: ["A", "B"] })));

    expect(one).toBe(
      "config.HostConfig.Privileged: only an admin may run a privileged container, with every capability and every host device",
    );
    expect(three).toMatch(
      /^config\.HostConfig\.Privileged: only an admin may .* \(and 2 more host-access settings\)$/,
    );
  });
});

describe("namedVolumes", () => {
  it("lists the named volumes a body mounts, under any spelling, and no host paths or bad names", () => {
    const config = {
      Image: "a",
      HostConfig: {
        Binds: ["data:/data:ro", "/srv:/srv", "/anon"],
        Mounts: [
          { Type: "volume", Source: "cache", Target: "/c" },
          { Type: "volume", Target: "/anon2" },
          { Type: "bind", Source: "/etc", Target: "/e" },
          { type: "volume", source: "logs", target: "/l" },
        ],
      },
      binds: ["other:/o", "../containers/x:/p"],
    };

    expect(namedVolumes(config)).toEqual([
      { field: "config.HostConfig.Binds[0]", name: "data" },
      { field: "config.HostConfig.Mounts[0].Source", name: "cache" },
      { field: "config.HostConfig.Mounts[3].source", name: "logs" },
      { field: "config.binds[0]", name: "other" },
    ]);
  });
});

describe("volumeHostAccess", () => {
  it.each([
    ["a bind of the host's root", "local", { type: "none", o: "bind", device: "/" }, /host's \/ \(o=bind\)/],
    ["a host disk", "local", { type: "ext4", device: "/dev/sda1" }, /\/dev\/sda1 \(type=ext4\)/],
    ["a bind among other options", "", { type: "none", o: "ro,bind", device: "/etc" }, /\/etc/],
  ])("lists %s", (_, driver, options, reason) => {
    expect(volumeHostAccess("v", driver, options)).toMatch(reason);
  });

  it.each([
    ["a plain volume", "local", null],
    ["no options", "local", {}],
    ["tmpfs", "local", { type: "tmpfs", device: "tmpfs", o: "size=1m" }],
    ["NFS", "local", { type: "nfs", o: "addr=10.0.0.1", device: ":/export" }],
    ["CIFS", "local", { type: "cifs", device: "//server/share" }],
    ["another driver", "vendor/plugin", { device: "/" }],
  ])("leaves out %s", (_, driver, options) => {
    expect(volumeHostAccess("v", driver, options)).toBeUndefined();
  });
});

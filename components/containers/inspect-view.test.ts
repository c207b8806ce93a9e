import { describe, expect, it } from "vitest";
import { describeInspect } from "./inspect-view";

/** Trimmed from `docker inspect` on Engine 24 for a compose service. */
const inspect = {
  Id: "4f66ad5b1e2d8c0c1c7e0b6c0f4a1b2c3d4e5f60718293a4b5c6d7e8f9012345",
  Created: "2024-05-31T16:08:37.123456789Z",
  Path: "/docker-entrypoint.sh",
  Args: ["nginx", "-g", "daemon off;"],
  State: {
    Status: "exited",
    Running: false,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: 0,
    ExitCode: 137,
    Error: "",
    StartedAt: "2024-05-31T16:08:38.5Z",
    FinishedAt: "2024-05-31T18:00:00.1Z",
  },
  Image: "sha256:e784f4560448b14a66f55c26e1b4dad2c2877cc73d001b7cd0b18e24a700a070",
  Name: "/shop-web-1",
  RestartCount: 2,
  HostConfig: {
    Binds: ["/srv/shop/nginx.conf:/etc/nginx/nginx.conf:ro"],
    NetworkMode: "shop_default",
    RestartPolicy: { Name: "on-failure", MaximumRetryCount: 3 },
  },
  Mounts: [
    {
      Type: "bind",
      Source: "/srv/shop/nginx.conf",
      Destination: "/etc/nginx/nginx.conf",
      Mode: "ro",
      RW: false,
      Propagation: "rprivate",
    },
    {
      Type: "volume",
      Name: "shop_cache",
      Source: "/var/lib/docker/volumes/shop_cache/_data",
      Destination: "/var/cache/nginx",
      Driver: "local",
      Mode: "z",
      RW: true,
      Propagation: "",
    },
  ],
  Config: {
    Hostname: "4f66ad5b1e2d",
    Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION=1.27.0"],
    Cmd: ["nginx", "-g", "daemon off;"],
    Image: "nginx:1.27",
    Entrypoint: ["/docker-entrypoint.sh"],
    Labels: {
      "com.docker.compose.service": "web",
      "com.docker.compose.project": "shop",
      maintainer: "NGINX Docker Maintainers <docker-maint@nginx.com>",
    },
  },
  NetworkSettings: {
    Ports: {
      "443/tcp": null,
      "80/tcp": [
        { HostIp: "0.0.0.0", HostPort: "8080" },
        { HostIp: "127.0.0.1", HostPort: "8081" },
      ],
      "9000/udp": [{ HostIp: "", HostPort: "9000" }],
    },
    Networks: {
      shop_default: {
        Aliases: ["shop-web-1", "web"],
        NetworkID: "b5e9",
        IPAddress: "172.19.0.3",
        MacAddress: "02:42:ac:13:00:03",
      },
      monitoring: { Aliases: null, IPAddress: "172.20.0.7" },
    },
  },
};

describe("describeInspect", () => {
  it("reads the identity, command and state", () => {
    const view = describeInspect(inspect);

    expect(view).toMatchObject({
      id: inspect.Id,
      image: "nginx:1.27",
      command: "/docker-entrypoint.sh nginx -g daemon off;",
      created: "2024-05-31T16:08:37.123456789Z",
      exitCode: 137,
      restartCount: 2,
      pid: 0,
      networkMode: "shop_default",
    });
  });

  it("writes on-failure with its retry count", () => {
    expect(describeInspect(inspect).restartPolicy).toBe("on-failure:3");
  });

  it("writes other restart policies by name", () => {
    const view = describeInspect({
      HostConfig: { RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 } },
    });

    expect(view.restartPolicy).toBe("unless-stopped");
  });

  it("lists published bindings and unpublished ports", () => {
    expect(describeInspect(inspect).ports).toEqual([
      "443/tcp (not published)",
      "0.0.0.0:8080 → 80/tcp",
      "127.0.0.1:8081 → 80/tcp",
      "0.0.0.0:9000 → 9000/udp",
    ]);
  });

  it("shows a read-only bind by path and a volume by name", () => {
    expect(describeInspect(inspect).mounts).toEqual([
      { type: "bind", source: "/srv/shop/nginx.conf", destination: "/etc/nginx/nginx.conf", mode: "ro" },
      { type: "volume", source: "shop_cache", destination: "/var/cache/nginx", mode: "rw" },
    ]);
  });

  it("lists networks with their addresses and aliases", () => {
    expect(describeInspect(inspect).networks).toEqual([
      { name: "shop_default", ip: "172.19.0.3", aliases: "shop-web-1, web" },
      { name: "monitoring", ip: "172.20.0.7", aliases: "" },
    ]);
  });

  it("sorts labels by key", () => {
    expect(describeInspect(inspect).labels).toEqual([
      ["com.docker.compose.project", "shop"],
      ["com.docker.compose.service", "web"],
      ["maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>"],
    ]);
  });

  it("keeps the environment in order", () => {
    expect(describeInspect(inspect).env).toEqual([
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "NGINX_VERSION=1.27.0",
    ]);
  });

  it("hides the exit code of a running container", () => {
    const view = describeInspect({
      ...inspect,
      State: { ...inspect.State, Status: "running", Pid: 4242, ExitCode: 0 },
    });

    expect(view.exitCode).toBeUndefined();
    expect(view.pid).toBe(4242);
  });

  it("falls back to the image id when Config has no image", () => {
    expect(describeInspect({ Image: "sha256:abc" }).image).toBe("sha256:abc");
  });

  it("describes an empty document with safe defaults", () => {
    expect(describeInspect({})).toEqual({
      id: "",
      image: "",
      command: "",
      created: undefined,
      exitCode: undefined,
      restartPolicy: "no",
      restartCount: 0,
      pid: 0,
      ports: [],
      mounts: [],
      networkMode: "default",
      networks: [],
      labels: [],
      env: [],
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  auditQuerySchema,
  bulkActionSchema,
  containerListQuerySchema,
  containerRefSchema,
  hostCreateSchema,
  hostIdSchema,
  logsRefPayloadSchema,
  logsSubscribeSchema,
  passwordChangeSchema,
  removeQuerySchema,
  scopeHostsSchema,
  tokenCreateSchema,
  userCreateSchema,
  userUpdateSchema,
} from "./schemas";

const PEM_CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const PEM_KEY = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

describe("containerListQuerySchema", () => {
  it("splits a comma-separated state list and trims the items", () => {
    const result = containerListQuerySchema.parse({ state: "running, exited" });

    expect(result.state).toEqual(["running", "exited"]);
  });

  it("accepts the repeated-parameter array form", () => {
    const result = containerListQuerySchema.parse({ state: ["paused", "dead"], host: ["local", "edge-1"] });

    expect(result).toEqual({ state: ["paused", "dead"], host: ["local", "edge-1"] });
  });

  it("drops empty items from a csv value", () => {
    expect(containerListQuerySchema.parse({ host: "local,,edge," }).host).toEqual(["local", "edge"]);
  });

  it("rejects an unknown state and points at its position", () => {
    const result = containerListQuerySchema.safeParse({ state: "running,sleeping" });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["state", 1]);
  });

  it("rejects an invalid host id inside the list", () => {
    const result = containerListQuerySchema.safeParse({ host: ["local", "Bad Host"] });

    expect(result.error?.issues[0]?.path).toEqual(["host", 1]);
  });

  it("wraps a single label into a list and keeps '=' inside values", () => {
    expect(containerListQuerySchema.parse({ label: "query=a=b" }).label).toEqual(["query=a=b"]);
    expect(containerListQuerySchema.parse({ label: ["a", "b=c"] }).label).toEqual(["a", "b=c"]);
  });

  it("accepts every sort key and direction and rejects others", () => {
    expect(containerListQuerySchema.parse({ sort: "created", dir: "desc" })).toEqual({
      sort: "created",
      dir: "desc",
    });
    expect(containerListQuerySchema.safeParse({ sort: "size" }).error?.issues[0]?.path).toEqual(["sort"]);
    expect(containerListQuerySchema.safeParse({ dir: "up" }).error?.issues[0]?.path).toEqual(["dir"]);
  });

  it("leaves absent fields undefined", () => {
    expect(containerListQuerySchema.parse({})).toEqual({});
  });
});

describe("containerRefSchema", () => {
  it.each([
    ["a full id", "4f66ad5b1e2d8c0c1c7e0b6c0f4a1b2c3d4e5f60718293a4b5c6d7e8f9012345"],
    ["an id prefix", "4f66ad"],
    ["a name", "my_app-web.1"],
    ["a name with the engine's leading slash", "/my_app-web.1"],
  ])("accepts %s", (_label, value) => {
    expect(containerRefSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ["a path traversal", "../x"],
    ["an empty string", ""],
    ["spaces", "my app"],
    ["a nested path", "a/b"],
    ["a leading dash", "-rf"],
  ])("rejects %s", (_label, value) => {
    expect(containerRefSchema.safeParse(value).success).toBe(false);
  });

  it("rejects a reference longer than 255 characters", () => {
    expect(containerRefSchema.safeParse("a".repeat(256)).success).toBe(false);
    expect(containerRefSchema.safeParse("a".repeat(255)).success).toBe(true);
  });

  it("says why an empty reference is refused", () => {
    expect(containerRefSchema.safeParse("").error?.issues[0]?.message).toBe("must not be empty");
  });
});

describe("hostIdSchema", () => {
  it.each(["local", "edge-1", "eu_west_2", "0", "a".repeat(63)])("accepts %s", (value) => {
    expect(hostIdSchema.safeParse(value).success).toBe(true);
  });

  it.each(["", "Edge", "-edge", "_edge", "edge 1", "edge.1", "a".repeat(64)])("rejects %j", (value) => {
    expect(hostIdSchema.safeParse(value).success).toBe(false);
  });
});

describe("bulkActionSchema", () => {
  const target = { hostId: "local", id: "web" };

  it("accepts a valid request", () => {
    const body = { action: "remove", force: true, targets: [target] };

    expect(bulkActionSchema.parse(body)).toEqual(body);
  });

  it("rejects an empty target list", () => {
    const result = bulkActionSchema.safeParse({ action: "stop", targets: [] });

    expect(result.error?.issues[0]).toMatchObject({
      path: ["targets"],
      message: "must name at least one container",
    });
  });

  it("accepts 500 targets and rejects 501", () => {
    const ok = bulkActionSchema.safeParse({
      action: "stop",
      targets: Array.from({ length: 500 }, () => target),
    });
    const tooMany = bulkActionSchema.safeParse({
      action: "stop",
      targets: Array.from({ length: 501 }, () => target),
    });

    expect(ok.success).toBe(true);
    expect(tooMany.error?.issues[0]).toMatchObject({
      path: ["targets"],
      message: "at most 500 containers at once",
    });
  });

  it("names the bad field of a bad target", () => {
    const result = bulkActionSchema.safeParse({
      action: "start",
      targets: [target, { hostId: "local", id: "../x" }],
    });

    expect(result.error?.issues[0]?.path).toEqual(["targets", 1, "id"]);
  });

  it("rejects an unknown action", () => {
    expect(
      bulkActionSchema.safeParse({ action: "explode", targets: [target] }).error?.issues[0]?.path,
    ).toEqual(["action"]);
  });
});

describe("removeQuerySchema", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
    ["", false],
  ])("reads %j as %s", (raw, expected) => {
    expect(removeQuerySchema.parse({ force: raw, volumes: raw })).toEqual({
      force: expected,
      volumes: expected,
    });
  });

  it("defaults both flags to false when absent", () => {
    expect(removeQuerySchema.parse({})).toEqual({ force: false, volumes: false });
  });

  it("rejects other spellings", () => {
    expect(removeQuerySchema.safeParse({ force: "yes" }).error?.issues[0]?.path).toEqual(["force"]);
  });
});

describe("scopeHostsSchema", () => {
  it("accepts * and a list of host ids", () => {
    expect(scopeHostsSchema.parse("*")).toBe("*");
    expect(scopeHostsSchema.parse(["local", "edge-1"])).toEqual(["local", "edge-1"]);
    expect(scopeHostsSchema.parse([])).toEqual([]);
  });

  it.each([["all"], [""], [["Bad Host"]], [["*"]], [{ hosts: "*" }]])("rejects %j", (value) => {
    expect(scopeHostsSchema.safeParse(value).success).toBe(false);
  });

  it("accepts 200 hosts and rejects 201", () => {
    const hosts = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`);

    expect(scopeHostsSchema.safeParse(hosts(200)).success).toBe(true);
    expect(scopeHostsSchema.safeParse(hosts(201)).success).toBe(false);
  });
});

describe("userCreateSchema", () => {
  const valid = { username: "ops", password: "long-enough", role: "operator" };

  it("accepts a minimal user and leaves the scope out", () => {
    expect(userCreateSchema.parse(valid)).toEqual(valid);
  });

  it("accepts a scope with hosts and a label selector", () => {
    const body = { ...valid, hosts: ["edge"], labelSelector: "team=shop" };

    expect(userCreateSchema.parse(body)).toEqual(body);
  });

  it("rejects an unknown field", () => {
    const result = userCreateSchema.safeParse({ ...valid, isAdmin: true });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["isAdmin"] });
  });

  it("rejects a password shorter than 8 characters", () => {
    const result = userCreateSchema.safeParse({ ...valid, password: "1234567" });

    expect(result.error?.issues[0]).toMatchObject({
      path: ["password"],
      message: "must be at least 8 characters",
    });
    expect(userCreateSchema.safeParse({ ...valid, password: "12345678" }).success).toBe(true);
  });

  it.each(["", "has space", "-dash-first", ".dot", "a/b", "x".repeat(65)])(
    "rejects the username %j",
    (username) => {
      expect(userCreateSchema.safeParse({ ...valid, username }).error?.issues[0]?.path).toEqual(["username"]);
    },
  );

  it.each(["ops", "Ops.Team", "ops_1", "ops@example.com", "o-p"])("accepts the username %j", (username) => {
    expect(userCreateSchema.safeParse({ ...valid, username }).success).toBe(true);
  });

  it("rejects an unknown role", () => {
    expect(userCreateSchema.safeParse({ ...valid, role: "root" }).error?.issues[0]?.path).toEqual(["role"]);
  });

  it.each(["team", "team=shop", "com.docker.compose.project=shop", "query=a=b", "team=", "app/tier=web"])(
    "accepts the label selector %j",
    (labelSelector) => {
      expect(userCreateSchema.safeParse({ ...valid, labelSelector }).success).toBe(true);
    },
  );

  it.each(["", "=shop", "team==shop", "team shop", "team=shop web", "-team", "l".repeat(256)])(
    "rejects the label selector %j",
    (labelSelector) => {
      expect(userCreateSchema.safeParse({ ...valid, labelSelector }).error?.issues[0]?.path).toEqual([
        "labelSelector",
      ]);
    },
  );

  it("rejects a null label selector on create", () => {
    expect(userCreateSchema.safeParse({ ...valid, labelSelector: null }).success).toBe(false);
  });
});

describe("userUpdateSchema", () => {
  it("accepts an empty change", () => {
    expect(userUpdateSchema.parse({})).toEqual({});
  });

  it("accepts null to clear the label selector", () => {
    expect(userUpdateSchema.parse({ labelSelector: null })).toEqual({ labelSelector: null });
  });

  it("accepts every field together", () => {
    const body = {
      role: "viewer",
      hosts: "*",
      labelSelector: "tier",
      disabled: true,
      password: "a-new-password",
    };

    expect(userUpdateSchema.parse(body)).toEqual(body);
  });

  it("rejects an unknown field, such as a username change", () => {
    expect(userUpdateSchema.safeParse({ username: "root" }).error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("rejects a short password, a bad label selector and a non-boolean disabled", () => {
    expect(userUpdateSchema.safeParse({ password: "short" }).error?.issues[0]?.path).toEqual(["password"]);
    expect(userUpdateSchema.safeParse({ labelSelector: "=x" }).error?.issues[0]?.path).toEqual([
      "labelSelector",
    ]);
    expect(userUpdateSchema.safeParse({ disabled: "true" }).error?.issues[0]?.path).toEqual(["disabled"]);
  });
});

describe("passwordChangeSchema", () => {
  it("accepts the current and a new password", () => {
    const body = { currentPassword: "x", newPassword: "long-enough" };

    expect(passwordChangeSchema.parse(body)).toEqual(body);
  });

  it("requires the current password", () => {
    const result = passwordChangeSchema.safeParse({ currentPassword: "", newPassword: "long-enough" });

    expect(result.error?.issues[0]).toMatchObject({ path: ["currentPassword"], message: "is required" });
  });

  it("holds the new password to the length rule", () => {
    const result = passwordChangeSchema.safeParse({ currentPassword: "old", newPassword: "short" });

    expect(result.error?.issues[0]?.path).toEqual(["newPassword"]);
  });

  it("rejects an unknown field", () => {
    const result = passwordChangeSchema.safeParse({
      currentPassword: "old",
      newPassword: "long-enough",
      userId: 1,
    });

    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });
});

describe("tokenCreateSchema", () => {
  it("accepts a name, a role and a scope", () => {
    const body = { name: "ci deploys", role: "operator", hosts: ["edge"], labelSelector: "team=shop" };

    expect(tokenCreateSchema.parse(body)).toEqual(body);
  });

  it("requires a name of 1 to 80 characters", () => {
    expect(tokenCreateSchema.safeParse({ name: "", role: "viewer" }).error?.issues[0]).toMatchObject({
      path: ["name"],
      message: "is required",
    });
    expect(tokenCreateSchema.safeParse({ name: "n".repeat(80), role: "viewer" }).success).toBe(true);
    expect(tokenCreateSchema.safeParse({ name: "n".repeat(81), role: "viewer" }).success).toBe(false);
  });

  it("requires a known role", () => {
    expect(tokenCreateSchema.safeParse({ name: "ci" }).error?.issues[0]?.path).toEqual(["role"]);
    expect(tokenCreateSchema.safeParse({ name: "ci", role: "god" }).error?.issues[0]?.path).toEqual(["role"]);
  });

  it("rejects an unknown field", () => {
    expect(tokenCreateSchema.safeParse({ name: "ci", role: "viewer", token: "wharf_x" }).success).toBe(false);
  });
});

describe("hostCreateSchema", () => {
  it("accepts a plain tcp host", () => {
    const body = { id: "edge", url: "tcp://10.0.0.5:2375" };

    expect(hostCreateSchema.parse(body)).toEqual(body);
  });

  it("accepts TLS material given as PEM text", () => {
    const body = {
      id: "secure",
      name: "Secure",
      url: "https://10.0.0.6:2376",
      tls: { ca: PEM_CERT, cert: PEM_CERT, key: PEM_KEY },
    };

    expect(hostCreateSchema.parse(body)).toEqual(body);
  });

  it("accepts an SSH private key given as PEM text", () => {
    const body = { id: "remote", url: "ssh://deploy@10.0.0.7", ssh: { privateKey: PEM_KEY } };

    expect(hostCreateSchema.parse(body)).toEqual(body);
  });

  it("rejects a file path where PEM text belongs", () => {
    const result = hostCreateSchema.safeParse({
      id: "secure",
      url: "https://10.0.0.6:2376",
      tls: { ca: "/etc/docker/ca.pem", cert: PEM_CERT, key: PEM_KEY },
    });

    expect(result.error?.issues[0]).toMatchObject({
      path: ["tls", "ca"],
      message: "must be a CA certificate in PEM text",
    });
  });

  it("rejects an SSH key file path", () => {
    const result = hostCreateSchema.safeParse({
      id: "remote",
      url: "ssh://deploy@10.0.0.7",
      ssh: { privateKey: "/root/.ssh/id_ed25519" },
    });

    expect(result.error?.issues[0]?.path).toEqual(["ssh", "privateKey"]);
  });

  it("requires all three TLS parts", () => {
    const result = hostCreateSchema.safeParse({
      id: "secure",
      url: "https://10.0.0.6:2376",
      tls: { ca: PEM_CERT, cert: PEM_CERT },
    });

    expect(result.error?.issues[0]?.path).toEqual(["tls", "key"]);
  });

  it.each(["http://10.0.0.5:2375", "10.0.0.5:2375", "tcp://", "ftp://host", ""])(
    "rejects the url %j",
    (url) => {
      expect(hostCreateSchema.safeParse({ id: "edge", url }).error?.issues[0]?.path).toEqual(["url"]);
    },
  );

  it("rejects a bad host id", () => {
    expect(
      hostCreateSchema.safeParse({ id: "Edge 1", url: "tcp://edge:2375" }).error?.issues[0]?.path,
    ).toEqual(["id"]);
  });

  it("rejects an unknown field, at the top and inside tls", () => {
    expect(hostCreateSchema.safeParse({ id: "edge", url: "tcp://edge:2375", source: "config" }).success).toBe(
      false,
    );
    expect(
      hostCreateSchema.safeParse({
        id: "edge",
        url: "https://edge:2376",
        tls: { ca: PEM_CERT, cert: PEM_CERT, key: PEM_KEY, passphrase: "x" },
      }).success,
    ).toBe(false);
  });
});

describe("auditQuerySchema", () => {
  it("coerces the numeric query parameters", () => {
    expect(auditQuerySchema.parse({ from: "1000", to: "2000", limit: "50", beforeId: "7" })).toEqual({
      from: 1000,
      to: 2000,
      limit: 50,
      beforeId: 7,
    });
  });

  it("passes the text filters through", () => {
    const q = { user: "admin", hostId: "edge", action: "container.", format: "csv" };

    expect(auditQuerySchema.parse(q)).toEqual(q);
  });

  it("leaves absent fields undefined", () => {
    expect(auditQuerySchema.parse({})).toEqual({});
  });

  it.each([
    ["limit", "0"],
    ["limit", "10001"],
    ["limit", "2.5"],
    ["limit", "many"],
    ["from", "-1"],
    ["beforeId", "0"],
    ["hostId", "Bad Host"],
    ["format", "xml"],
  ])("rejects %s=%j", (key, value) => {
    expect(auditQuerySchema.safeParse({ [key]: value }).error?.issues[0]?.path).toEqual([key]);
  });

  it("accepts the largest limit and both formats", () => {
    expect(auditQuerySchema.parse({ limit: "10000" }).limit).toBe(10_000);
    expect(auditQuerySchema.parse({ format: "json" }).format).toBe("json");
  });
});

describe("logsSubscribeSchema", () => {
  it("takes a container or a swarm service", () => {
    expect(logsSubscribeSchema.parse({ hostId: "local", containerId: "web", tail: 5 })).toEqual({
      hostId: "local",
      containerId: "web",
      tail: 5,
    });
    expect(logsSubscribeSchema.parse({ hostId: "swarm", serviceId: "web" })).toEqual({
      hostId: "swarm",
      serviceId: "web",
    });
  });

  it("refuses both, naming serviceId", () => {
    const result = logsSubscribeSchema.safeParse({ hostId: "swarm", containerId: "a", serviceId: "b" });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["serviceId"]);
  });

  it("refuses neither, naming containerId", () => {
    const result = logsRefPayloadSchema.safeParse({ hostId: "swarm" });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["containerId"]);
    expect(result.error?.issues[0]?.message).toMatch(/serviceId/);
  });

  it("refuses a service reference the engine could not take", () => {
    expect(logsSubscribeSchema.safeParse({ hostId: "swarm", serviceId: "service:abc" }).success).toBe(false);
  });
});

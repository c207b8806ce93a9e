import { describe, expect, it } from "vitest";
import { formatPath } from "./issues";
import { buildComposeSchema } from "./schema";
import { checkSupportedKeys } from "./supported-check";
import { SUPPORTED_KEYS } from "./supported";
import { validateSchema } from "./validate";

/** Sorted: the loader orders issues by their place in the file, not the schema's order. */
const issues = (doc: unknown) =>
  validateSchema(doc)
    .map((i) => `${formatPath(i.path)}: ${i.message}`)
    .sort();
const unsupported = (doc: unknown) =>
  checkSupportedKeys(doc).map((i) => `${formatPath(i.path)}: ${i.message}`);

describe("validateSchema", () => {
  it("accepts a full file, including the keys added to the pinned schema", () => {
    expect(
      issues({
        name: "shop",
        version: "3.8",
        "x-anything": { a: 1 },
        services: {
          web: {
            image: "nginx",
            depends_on: { db: { condition: "service_healthy", restart: true, required: false } },
            env_file: ["a.env", { path: "b.env", required: false }],
            volumes: [{ type: "tmpfs", target: "/t", tmpfs: { size: "1m", mode: "1777" } }],
            deploy: { resources: { limits: { pids: 100 } } },
          },
          db: { image: "postgres" },
        },
        configs: { c: { environment: "X" }, d: { content: "hello" } },
        secrets: { s: { environment: "Y" } },
      }),
    ).toEqual([]);
  });

  it("says what type was expected, once per value", () => {
    expect(
      issues({ services: { web: { image: 5, tty: "maybe", build: 3, command: { a: 1 }, ports: [true] } } }),
    ).toEqual([
      "services.web.build: must be a string or a mapping",
      "services.web.command: must be a string or a list",
      "services.web.image: must be a string",
      "services.web.ports[0]: must be a number, a string or a mapping",
      "services.web.tty: must be a boolean (true or false)",
    ]);
  });

  it("points inside the branch that matched the value's shape", () => {
    expect(
      issues({
        services: {
          web: {
            image: "x",
            build: { context: ".", bogus: 1 },
            networks: ["a", 3],
            ports: [{ target: "x", extra: 1 }],
            depends_on: { db: { condition: "sometime" } },
            volumes: [{ source: "v", target: "/v" }],
            environment: { A: [1] },
          },
        },
      }),
    ).toEqual([
      "services.web.build.bogus: unknown key",
      'services.web.depends_on.db.condition: must be one of "service_started", "service_healthy", "service_completed_successfully"',
      "services.web.environment.A: must be a string, a number, a boolean (true or false) or null",
      "services.web.networks[1]: must be a string",
      "services.web.ports[0].extra: unknown key",
      "services.web.ports[0].target: must be a whole number",
      'services.web.volumes[0]: needs "type"',
    ]);
  });

  it("names unknown keys with a suggestion, and bad names", () => {
    expect(issues({ servics: {}, services: { web: { imgae: "x" }, "bad name": { image: "x" } } })).toEqual([
      'services.web.imgae: unknown key (did you mean "image"?)',
      'services["bad name"]: "bad name" is not a valid name: use letters, digits, ".", "_" and "-"',
      'servics: unknown key (did you mean "services"?)',
    ]);
  });

  it("reports duplicates and bounds", () => {
    expect(
      issues({ services: { web: { image: "x", cap_add: ["NET_ADMIN", "NET_ADMIN"], oom_score_adj: 5000 } } }),
    ).toEqual([
      "services.web.cap_add: lists the same item twice (items 0 and 1)",
      "services.web.oom_score_adj: must be at most 1000",
    ]);
  });

  it("requires the root to be a mapping", () => {
    expect(validateSchema(["a"])).toEqual([{ path: [], message: "must be a mapping", unknownKey: false }]);
  });

  it("marks issues that are only unknown keys, after which the shape is still as expected", () => {
    expect(validateSchema({ services: { web: { image: "x", imagee: "y" } } })).toEqual([
      {
        path: ["services", "web", "imagee"],
        message: 'unknown key (did you mean "image"?)',
        unknownKey: true,
      },
    ]);
  });
});

describe("checkSupportedKeys", () => {
  it("reports every key Wharf does not implement, at its path, and ignores x- keys", () => {
    expect(
      unsupported({
        "x-top": 1,
        services: {
          "x-shared": { blkio_config: {} },
          web: {
            image: "x",
            "x-note": "ok",
            blkio_config: { weight: 10 },
            build: { context: ".", cache_from: ["a"], "x-b": 1 },
            deploy: {
              mode: "global",
              resources: { reservations: { devices: [] } },
              restart_policy: { delay: "5s" },
            },
            ports: ["80", { target: 80, "x-p": 1 }],
            volumes: [{ type: "volume", target: "/v", consistency: "cached" }],
            networks: { front: { link_local_ips: [] } },
            healthcheck: { test: "true", "x-h": 1 },
          },
        },
        networks: { front: { external: { name: "f" } } },
        configs: { c: { file: "c", template_driver: "golang" } },
        secrets: { s: { file: "s", driver: "x" } },
        volumes: { v: { driver: "local" } },
      }),
    ).toEqual([
      "services.web.blkio_config: not supported",
      "services.web.build.cache_from: not supported",
      "services.web.deploy.mode: not supported",
      "services.web.deploy.resources.reservations.devices: not supported",
      "services.web.deploy.restart_policy.delay: not supported",
      "services.web.volumes[0].consistency: not supported",
      "services.web.networks.front.link_local_ips: not supported",
      "configs.c.template_driver: not supported",
      "secrets.s.driver: not supported",
    ]);
  });

  it("lists only keys the schema knows, so none of them is unreachable", () => {
    const schema = JSON.stringify(buildComposeSchema());
    for (const keys of Object.values(SUPPORTED_KEYS)) {
      for (const key of keys) expect(schema, key).toContain(`"${key}"`);
    }
  });
});

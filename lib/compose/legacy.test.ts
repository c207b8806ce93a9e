import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { convertLegacyV1, isLegacyV1 } from "./legacy";
import { parseComposeYaml } from "./yaml-doc";

function doc(text: string) {
  const r = parseComposeYaml(text);
  if (!r.yaml) throw new Error(JSON.stringify(r.issues));
  return r.yaml.doc;
}

const SEED = `web:
  build: .
  links:
    - redis
  ports:
    - "5000:5000"
redis:
  image: redis
`;

describe("isLegacyV1", () => {
  it("recognises services at the top level", () => {
    expect(isLegacyV1(doc(SEED))).toBe(true);
  });

  it.each([
    "services:\n  web:\n    image: x\n",
    "version: '2'\nweb:\n  image: x\n",
    "name: p\nweb:\n  image: x\n",
    "networks: {}\n",
    "x-only: 1\n",
  ])("leaves a later file alone: %j", (text) => {
    expect(isLegacyV1(doc(text))).toBe(false);
  });
});

describe("convertLegacyV1", () => {
  it("moves the services under services: and says so", () => {
    const { doc: out, compose, changes } = convertLegacyV1(doc(SEED));
    const expected = {
      services: { web: { build: ".", links: ["redis"], ports: ["5000:5000"] }, redis: { image: "redis" } },
    };
    expect(out.toJS()).toEqual(expected);
    expect(parse(compose)).toEqual(expected);
    expect(compose).toBe(
      'services:\n  web:\n    build: .\n    links:\n      - redis\n    ports:\n      - "5000:5000"\n  redis:\n    image: redis\n',
    );
    expect(changes[0]).toBe("Moved the services web and redis under a top-level `services:` key.");
    expect(changes).toHaveLength(2);
  });

  it("renames net, dockerfile, log_driver and log_opt", () => {
    const text = [
      "app:",
      "  build: ./app",
      "  dockerfile: Dockerfile.prod",
      "  net: host",
      "  log_driver: json-file",
      "  log_opt:",
      "    max-size: 10m",
      "worker:",
      "  dockerfile: W.Dockerfile",
      "  net: 'container:app'",
    ].join("\n");
    const { doc: out, changes } = convertLegacyV1(doc(text));
    expect(out.toJS()).toEqual({
      services: {
        app: {
          build: { context: "./app", dockerfile: "Dockerfile.prod" },
          network_mode: "host",
          logging: { driver: "json-file", options: { "max-size": "10m" } },
        },
        worker: { build: { context: ".", dockerfile: "W.Dockerfile" }, network_mode: "container:app" },
      },
    });
    expect(changes.slice(2)).toEqual([
      "app: `net` became `network_mode`.",
      "app: `dockerfile` moved into `build.dockerfile`.",
      "app: `log_driver` and `log_opt` became `logging.driver` and `logging.options`.",
      "worker: `net` became `network_mode`.",
      "worker: `dockerfile` moved into `build.dockerfile`.",
    ]);
  });

  it("keeps comments, anchors and x- keys (at the top, first)", () => {
    const text = "# my app\nweb: &web\n  image: nginx # pinned later\nx-note: hi\ncopy: *web\n";
    const { compose, doc: out } = convertLegacyV1(doc(text));
    expect(compose).toContain("# my app");
    expect(compose).toContain("# pinned later");
    expect(compose.indexOf("x-note")).toBeLessThan(compose.indexOf("services:"));
    expect(out.toJS()).toEqual({
      "x-note": "hi",
      services: { web: { image: "nginx" }, copy: { image: "nginx" } },
    });
  });

  it("writes an octal mode back with the same meaning", () => {
    const { compose } = convertLegacyV1(
      doc("web:\n  image: x\n  scale: 3\n  secrets:\n    - source: s\n      mode: 0440\n"),
    );
    expect(compose).toContain("mode: 0o440");
    expect(compose).toContain("scale: 3");
    expect(parseComposeYaml(compose).yaml?.doc.toJS()).toEqual({
      services: { web: { image: "x", scale: 3, secrets: [{ source: "s", mode: 0o440 }] } },
    });
  });
});

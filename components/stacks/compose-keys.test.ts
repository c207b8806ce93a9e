import { describe, expect, it } from "vitest";
import { keyPathAt, keysAt, levelOf, valuesAt } from "./compose-keys";

/** The text with its last `|` marking the cursor, as keysAt sees it. */
function at(marked: string) {
  const pos = marked.lastIndexOf("|");
  const text = marked.slice(0, pos) + marked.slice(pos + 1);
  return keysAt(text, pos);
}

function pathAt(marked: string) {
  const pos = marked.lastIndexOf("|");
  const text = marked.slice(0, pos) + marked.slice(pos + 1);
  const lines = text.split("\n");
  const lineIndex = text.slice(0, pos).split("\n").length - 1;
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  return keyPathAt(lines, lineIndex, text.slice(lineStart, pos));
}

describe("keyPathAt", () => {
  it("follows the indentation up to the top", () => {
    expect(pathAt("serv|")).toEqual([]);
    expect(pathAt("services:\n  web:\n    ima|")).toEqual(["services", "web"]);
    expect(pathAt("services:\n  web:\n    image: x\n\n    # a comment\n    |")).toEqual(["services", "web"]);
  });

  it("sees list items, indented under their key or level with it", () => {
    const indented = "services:\n  web:\n    ports:\n      - target: 80\n        pub|";
    expect(pathAt(indented)).toEqual(["services", "web", "ports", "-"]);
    expect(pathAt("services:\n  web:\n    ports:\n      - target: 80\n      - |")).toEqual([
      "services",
      "web",
      "ports",
      "-",
    ]);
    expect(pathAt("services:\n  web:\n    ports:\n    - target: 80\n      pub|")).toEqual([
      "services",
      "web",
      "ports",
      "-",
    ]);
    const nested = "services:\n  web:\n    volumes:\n      - type: bind\n        bind:\n          pro|";
    expect(pathAt(nested)).toEqual(["services", "web", "volumes", "-", "bind"]);
  });

  it("offers nothing in a value, a block scalar or a plain scalar's continuation", () => {
    expect(pathAt("services:\n  web:\n    image: loc|")).toBeUndefined();
    expect(pathAt("services:\n  web:\n    image: a\n      b|")).toBeUndefined();
    expect(pathAt("services:\n  web:\n    command: |\n      echo hi\n      ech|")).toEqual([
      "services",
      "web",
      "command",
    ]);
  });
});

describe("levelOf", () => {
  it("maps key paths to the supported-key table's levels", () => {
    expect(levelOf([])).toBe("top");
    expect(levelOf(["services", "web"])).toBe("service");
    expect(levelOf(["services", "web", "deploy", "resources", "limits"])).toBe(
      "service.deploy.resources.limits",
    );
    expect(levelOf(["services", "web", "ports", "-"])).toBe("service.ports[]");
    expect(levelOf(["services", "web", "volumes", "-", "bind"])).toBe("service.volumes[].bind");
    expect(levelOf(["services", "api", "depends_on", "db"])).toBe("service.depends_on.*");
    expect(levelOf(["networks", "default"])).toBe("network");
    expect(levelOf(["networks", "default", "ipam", "config", "-"])).toBe("network.ipam.config[]");
  });

  it("has no level for user-named maps, section names or unknown sections", () => {
    expect(levelOf(["services"])).toBeUndefined();
    expect(levelOf(["services", "web", "environment"])).toBeUndefined();
    expect(levelOf(["services", "web", "command"])).toBeUndefined();
    expect(levelOf(["x-common"])).toBeUndefined();
  });
});

describe("keysAt", () => {
  it("offers top-level keys at the top and service keys in a service, from the typed word on", () => {
    const top = at("services:\n  web:\n    image: x\nnet|");
    expect(top?.keys).toContain("networks");
    expect(top?.keys).not.toContain("services");
    expect(top?.keys).not.toContain("image");
    const text = "services:\n  web:\n    image: x\n    env|";
    const svc = at(text);
    expect(svc?.keys).toEqual(expect.arrayContaining(["environment", "env_file", "deploy"]));
    expect(svc?.keys).not.toContain("image");
    expect(svc?.from).toBe(text.indexOf("env|"));
  });

  it("does not count a sibling list item's keys as the new item's", () => {
    const next = at("services:\n  web:\n    ports:\n      - target: 80\n        published: 8080\n      - |");
    expect(next?.keys).toEqual(expect.arrayContaining(["target", "published", "protocol"]));
    const same = at("services:\n  web:\n    ports:\n      - target: 80\n        |\n      - target: 81");
    expect(same?.keys).not.toContain("target");
    expect(same?.keys).toContain("published");
  });

  it("offers nothing where the table has no keys", () => {
    expect(at("services:\n  web:\n    environment:\n      LE|")).toBeUndefined();
    expect(at("services:\n  web:\n    image: lo|")).toBeUndefined();
  });
});

describe("valuesAt", () => {
  const values = (marked: string) => {
    const pos = marked.lastIndexOf("|");
    return valuesAt(marked.slice(0, pos) + marked.slice(pos + 1), pos);
  };

  it("offers a service's restart policies after `restart: `, from where the value starts", () => {
    const text = "services:\n  web:\n    image: x\n    restart: un|";
    expect(values(text)).toEqual({
      from: text.indexOf("un"),
      values: ["no", "always", "on-failure", "unless-stopped"],
    });
  });

  it("offers a dependency's conditions, and a long port's protocols inside a list item", () => {
    expect(values("services:\n  web:\n    depends_on:\n      db:\n        condition: |")?.values).toContain(
      "service_healthy",
    );
    expect(values("services:\n  web:\n    ports:\n      - target: 80\n        protocol: |")?.values).toEqual([
      "tcp",
      "udp",
      "sctp",
    ]);
    expect(values("services:\n  web:\n    ports:\n      - protocol: |")?.values).toEqual([
      "tcp",
      "udp",
      "sctp",
    ]);
  });

  it("offers nothing for a key of free text, or a key at another level", () => {
    expect(values("services:\n  web:\n    image: |")).toBeUndefined();
    expect(values("restart: |")).toBeUndefined();
    expect(values("networks:\n  back:\n    internal: |")?.values).toEqual(["true", "false"]);
  });
});

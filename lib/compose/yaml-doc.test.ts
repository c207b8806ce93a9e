import { describe, expect, it } from "vitest";
import { locate, parseComposeYaml } from "./yaml-doc";

function parsed(text: string) {
  const r = parseComposeYaml(text);
  if (!r.yaml) throw new Error(JSON.stringify(r.issues));
  return r.yaml;
}

describe("parseComposeYaml", () => {
  it("reports a syntax error with its 1-based line and column", () => {
    const r = parseComposeYaml("services:\n  web:\n    image: [a,\n");
    expect(r.yaml).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: "", line: 4, col: 1 });
    expect(r.issues[0]?.message).toMatch(/^line 4, column 1: Flow sequence/);
  });

  it("reports a bad indent where it is", () => {
    const r = parseComposeYaml("services:\n  web:\n    image: x\n   ports: []\n");
    expect(r.issues[0]).toMatchObject({ line: 4, col: 1 });
    expect(r.issues[0]?.message).toBe("line 4, column 1: All mapping items must start at the same column");
  });

  it("refuses duplicate keys", () => {
    const r = parseComposeYaml("services:\n  web:\n    image: a\n    image: b\n");
    expect(r.issues[0]).toMatchObject({ line: 4, col: 5 });
    expect(r.issues[0]?.message).toMatch(/unique/);
  });

  it("refuses an empty file and one that is not a mapping", () => {
    expect(parseComposeYaml("").issues[0]?.message).toMatch(/empty/);
    expect(parseComposeYaml("- a\n- b\n").issues[0]).toMatchObject({
      line: 1,
      col: 1,
      message: expect.stringMatching(/mapping/),
    });
  });

  it("refuses compose's !reset and !override tags", () => {
    const r = parseComposeYaml("services:\n  web:\n    ports: !reset []\n");
    expect(r.issues[0]).toMatchObject({ line: 3, message: expect.stringMatching(/!reset.*not supported/) });
  });

  it("resolves anchors and merge keys", () => {
    const { doc } = parsed(
      "x-base: &base\n  image: a\n  tty: true\nservices:\n  web:\n    <<: *base\n    image: b\n",
    );
    expect(doc.toJS()).toEqual({
      "x-base": { image: "a", tty: true },
      services: { web: { image: "b", tty: true } },
    });
  });

  it("reads a leading-zero number as octal, as compose does, and 0o too", () => {
    const { doc } = parsed("a: 0440\nb: 0o755\nc: 08\nd: '0440'\ne: 0\n");
    expect(doc.toJS()).toEqual({ a: 0o440, b: 0o755, c: 8, d: "0440", e: 0 });
  });
});

describe("locate", () => {
  const text = [
    "x-env: &env", //  1
    "  LEVEL: debug", // 2
    "services:", // 3
    "  web:", // 4
    "    <<: {tty: true}", // 5
    "    environment:", // 6
    "      <<: *env", // 7
    "      OWN: 1", // 8
    "    ports:", // 9
    '      - "80:80"', // 10
    "      - target: 443", // 11
    "  db: &db", // 12
    "    image: postgres", // 13
    "  copy: *db", // 14
  ].join("\n");
  const yaml = parsed(text);

  it.each([
    [["services"], 3, 1],
    [["services", "web"], 4, 3],
    [["services", "web", "ports", 0], 10, 9],
    [["services", "web", "ports", 1, "target"], 11, 9],
    [["services", "web", "environment", "OWN"], 8, 7],
    [["services", "web", "environment", "LEVEL"], 2, 3],
    [["services", "web", "tty"], 5, 10],
    [["services", "copy", "image"], 13, 5],
  ] as const)("%j is at line %d, column %d", (path, line, col) => {
    expect(locate(yaml, path)).toEqual({ line, col });
  });

  it("falls back to the deepest part of the path that exists", () => {
    expect(locate(yaml, ["services", "web", "ports", 7])).toEqual({ line: 9, col: 5 });
    expect(locate(yaml, ["services", "nope", "image"])).toEqual({ line: 3, col: 1 });
  });
});

import { describe, expect, it } from "vitest";
import { createJsonLineParser } from "./json-lines";

function collect() {
  const objects: unknown[] = [];
  const bad: string[] = [];
  const feed = createJsonLineParser(
    (v) => objects.push(v),
    (line) => bad.push(line),
  );
  return { objects, bad, feed };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe("createJsonLineParser", () => {
  it("emits one object per complete line", () => {
    const { objects, feed } = collect();

    feed('{"a":1}\n{"b":2}\n');

    expect(objects).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("holds a partial line until its newline arrives", () => {
    const { objects, feed } = collect();

    feed('{"status":"sta');
    expect(objects).toEqual([]);
    feed('rt"}\n{"x"');

    expect(objects).toEqual([{ status: "start" }]);
    feed(":true}\n");
    expect(objects).toEqual([{ status: "start" }, { x: true }]);
  });

  it("decodes a multi-byte UTF-8 character split across byte chunks", () => {
    const { objects, feed } = collect();
    const encoded = bytes('{"name":"café-🐳"}\n');
    const cut = encoded.indexOf(0xf0) + 2;

    feed(encoded.slice(0, encoded.indexOf(0xc3) + 1));
    feed(encoded.slice(encoded.indexOf(0xc3) + 1, cut));
    feed(encoded.slice(cut));

    expect(objects).toEqual([{ name: "café-🐳" }]);
  });

  it("accepts Buffer chunks", () => {
    const { objects, feed } = collect();

    feed(Buffer.from('{"n":1}\r\n'));

    expect(objects).toEqual([{ n: 1 }]);
  });

  it("skips blank and whitespace-only lines", () => {
    const { objects, bad, feed } = collect();

    feed('\n   \n{"n":1}\n\n');

    expect(objects).toEqual([{ n: 1 }]);
    expect(bad).toEqual([]);
  });

  it("reports a bad line and carries on", () => {
    const { objects, bad, feed } = collect();

    feed('{"n":1}\nnot json\n{"n":2}\n');

    expect(objects).toEqual([{ n: 1 }, { n: 2 }]);
    expect(bad).toEqual(["not json"]);
  });

  it("ignores bad lines when no reporter is given", () => {
    const objects: unknown[] = [];
    const feed = createJsonLineParser((v) => objects.push(v));

    expect(() => feed('{oops\n{"ok":1}\n')).not.toThrow();
    expect(objects).toEqual([{ ok: 1 }]);
  });
});

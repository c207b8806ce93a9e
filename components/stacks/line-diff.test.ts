import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffHunks, diffLines, diffStats, MAX_EDITS, splitLines, type DiffLine } from "./line-diff";

const render = (lines: DiffLine[]) =>
  lines.map((l) => `${l.kind === "same" ? " " : l.kind === "add" ? "+" : "-"}${l.text}`);

/** The old text is the kept and removed lines, the new one the kept and added lines, in order. */
const sides = (lines: DiffLine[]) => ({
  old: lines.filter((l) => l.kind !== "add").map((l) => l.text),
  new: lines.filter((l) => l.kind !== "del").map((l) => l.text),
});

describe("splitLines", () => {
  it("drops the empty line after a final newline and reads CRLF as LF", () => {
    expect(splitLines("a\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
  });
});

describe("diffLines", () => {
  it("marks every line kept when nothing changed", () => {
    const d = diffLines("a\nb\nc\n", "a\nb\nc\n");
    expect(d.every((l) => l.kind === "same")).toBe(true);
    expect(d.map((l) => [l.a, l.b])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it("shows one changed value as the old line out and the new line in, with line numbers", () => {
    const before = "services:\n  web:\n    environment:\n      LEVEL: one\n    image: x\n";
    const after = "services:\n  web:\n    environment:\n      LEVEL: two\n    image: x\n";
    const d = diffLines(before, after);
    expect(render(d)).toEqual([
      " services:",
      "   web:",
      "     environment:",
      "-      LEVEL: one",
      "+      LEVEL: two",
      "     image: x",
    ]);
    expect(d[3]).toMatchObject({ kind: "del", a: 4 });
    expect(d[4]).toMatchObject({ kind: "add", b: 4 });
    expect(d[5]).toMatchObject({ a: 5, b: 5 });
  });

  it("finds added and removed lines in the middle, and from or to an empty text", () => {
    expect(render(diffLines("a\nc", "a\nb\nc"))).toEqual([" a", "+b", " c"]);
    expect(render(diffLines("a\nb\nc", "a\nc"))).toEqual([" a", "-b", " c"]);
    expect(render(diffLines("", "a\nb"))).toEqual(["+a", "+b"]);
    expect(render(diffLines("a", ""))).toEqual(["-a"]);
  });

  it("always gives back both texts, and no more edits than needed for a single change", () => {
    const line = fc.constantFrom("a", "b", "c", "d", "");
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const [oldText, newText] = [a.join("\n"), b.join("\n")];
        const s = sides(diffLines(oldText, newText));
        expect(s.old).toEqual(splitLines(oldText));
        expect(s.new).toEqual(splitLines(newText));
      }),
    );
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const changed = lines.map((l, i) => (i === 25 ? "changed" : l));
    expect(diffStats(diffLines(lines.join("\n"), changed.join("\n")))).toEqual({ added: 1, removed: 1 });
  });

  it("shows old out and new in when the texts differ in more lines than it pairs", () => {
    const a = Array.from({ length: MAX_EDITS }, (_, i) => `a${i}`).join("\n");
    const b = Array.from({ length: MAX_EDITS }, (_, i) => `b${i}`).join("\n");
    const d = diffLines(a, b);
    expect(diffStats(d)).toEqual({ added: MAX_EDITS, removed: MAX_EDITS });
    expect(d[0]).toMatchObject({ kind: "del", text: "a0", a: 1 });
    expect(d.at(-1)).toMatchObject({ kind: "add", text: `b${MAX_EDITS - 1}`, b: MAX_EDITS });
  });
});

describe("diffHunks", () => {
  it("keeps the context around each change and folds the long kept runs", () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const b = a.map((l, i) => (i === 10 ? "x" : l));
    const h = diffHunks(diffLines(a.join("\n"), b.join("\n")), 2);
    expect(h[0]).toEqual({ kind: "skip", count: 8 });
    expect(h.slice(1, -1).map((l) => ("text" in l ? l.text : "?"))).toEqual([
      "l8",
      "l9",
      "l10",
      "x",
      "l11",
      "l12",
    ]);
    expect(h.at(-1)).toEqual({ kind: "skip", count: 7 });
  });

  it("folds nothing when there is no kept run beyond the context", () => {
    expect(diffHunks(diffLines("a\nb", "a\nc"), 3).every((l) => l.kind !== "skip")).toBe(true);
    expect(diffHunks(diffLines("a\nb", "a\nb"), 3)).toEqual([{ kind: "skip", count: 2 }]);
  });
});

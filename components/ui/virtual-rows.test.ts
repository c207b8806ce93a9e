import { describe, expect, it } from "vitest";
import {
  clampIndex,
  nearestScroller,
  occurrenceKeys,
  offsetInScroller,
  resolveFocus,
  spacerHeights,
  type ScrollCandidate,
} from "./virtual-rows";

describe("spacer heights", () => {
  it("fills the rows above and below the rendered ones", () => {
    // Arrange: 100 rows of 30 px under a 40 px offset; rows 10 to 19 rendered.
    const rendered = Array.from({ length: 10 }, (_, k) => ({
      start: 40 + (10 + k) * 30,
      end: 40 + (11 + k) * 30,
    }));

    // Act
    const s = spacerHeights(rendered, 3000, 40);

    // Assert
    expect(s).toEqual({ before: 300, after: 2400 });
    expect(s.before + rendered.length * 30 + s.after).toBe(3000);
  });

  it("has nothing above the first row and nothing below the last", () => {
    const all = [
      { start: 0, end: 30 },
      { start: 30, end: 60 },
    ];
    expect(spacerHeights(all, 60, 0)).toEqual({ before: 0, after: 0 });
  });

  it("keeps the full height below when nothing is rendered yet", () => {
    expect(spacerHeights([], 900, 25)).toEqual({ before: 0, after: 900 });
  });

  it("never returns a negative height while measurements settle", () => {
    expect(spacerHeights([{ start: 10, end: 50 }], 30, 20)).toEqual({ before: 0, after: 0 });
  });
});

describe("index clamping", () => {
  it("keeps an index inside the list", () => {
    expect(clampIndex(5, 3)).toBe(2);
    expect(clampIndex(1, 3)).toBe(1);
    expect(clampIndex(0, 1)).toBe(0);
  });

  it("points at nothing in an empty list, for a negative index or for no number", () => {
    expect(clampIndex(0, 0)).toBe(-1);
    expect(clampIndex(-1, 10)).toBe(-1);
    expect(clampIndex(Number.NaN, 10)).toBe(-1);
  });
});

describe("focus that follows its row", () => {
  it("follows a row that moved", () => {
    expect(resolveFocus(["a", "c", "b"], { key: "b", index: 1 })).toBe(2);
  });

  it("stays at its place, on the row now there, once its row is gone", () => {
    expect(resolveFocus(["a", "c"], { key: "b", index: 1 })).toBe(1);
    expect(resolveFocus(["a"], { key: "b", index: 4 })).toBe(0);
  });

  it("is nothing before a row is focused, or in an empty list", () => {
    expect(resolveFocus(["a"], { index: -1 })).toBe(-1);
    expect(resolveFocus([], { key: "a", index: 0 })).toBe(-1);
  });
});

describe("offset in the scroll element", () => {
  it("counts the scrolled-away part and leaves out the top border", () => {
    // The body shows 20 px below the scroller's top edge, whose border is 1 px, after 500 px of scrolling.
    expect(offsetInScroller(120, { top: 100, scrollTop: 500, borderTop: 1 })).toBe(519);
  });
});

describe("nearest scroller", () => {
  interface Node extends ScrollCandidate {
    name: string;
    overflowY: string;
    parentElement: Node | null;
  }
  const node = (name: string, overflowY: string, parentElement: Node | null): Node => ({
    name,
    overflowY,
    parentElement,
  });

  it("finds the closest ancestor that scrolls, not the element itself", () => {
    const page = node("page", "auto", null);
    const panel = node("panel", "scroll", page);
    const table = node("table", "visible", panel);
    const body = node("body", "auto", table);
    expect(nearestScroller(body, (n) => n.overflowY)?.name).toBe("panel");
  });

  it("is null when only the page scrolls", () => {
    const root = node("root", "visible", null);
    expect(nearestScroller(node("body", "visible", root), (n) => n.overflowY)).toBeNull();
    expect(nearestScroller<Node>(null, (n) => n.overflowY)).toBeNull();
  });
});

describe("occurrence keys", () => {
  it("tells apart rows that share a base by their order, and leaves the others alone", () => {
    const keys = occurrenceKeys(["a", "b", "a", "a"], (s) => s);
    expect(keys).toEqual(["a", "b", "a#2", "a#3"]);
    expect(new Set(keys).size).toBe(4);
  });

  it("keeps the keys of earlier rows when rows are added after them", () => {
    const before = occurrenceKeys(["x", "y"], (s) => s);
    const after = occurrenceKeys(["x", "y", "x"], (s) => s);
    expect(after.slice(0, 2)).toEqual(before);
  });
});

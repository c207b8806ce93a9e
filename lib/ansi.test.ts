import { describe, expect, it } from "vitest";
import { ANSI_PALETTE, ansiCss, applySgr, parseAnsi, stripAnsi } from "./ansi";

const [, RED, GREEN, , BLUE] = ANSI_PALETTE;

describe("parseAnsi", () => {
  it("returns plain text as one unstyled segment, and nothing for an empty line", () => {
    expect(parseAnsi("plain")).toEqual([{ text: "plain" }]);
    expect(parseAnsi("")).toEqual([]);
  });

  it("colours text until a reset", () => {
    expect(parseAnsi("a \x1b[31mred\x1b[0m b")).toEqual([
      { text: "a " },
      { text: "red", style: { fg: RED } },
      { text: " b" },
    ]);
  });

  it("combines bold with colours and takes several parameters at once", () => {
    expect(parseAnsi("\x1b[1;32mok\x1b[22m still green\x1b[39m")).toEqual([
      { text: "ok", style: { bold: true, fg: GREEN } },
      { text: " still green", style: { fg: GREEN } },
    ]);
  });

  it("treats an empty SGR as a reset", () => {
    expect(parseAnsi("\x1b[34mblue\x1b[m plain")).toEqual([
      { text: "blue", style: { fg: BLUE } },
      { text: " plain" },
    ]);
  });

  it("knows bright, background, 256-colour and true-colour forms", () => {
    expect(applySgr({}, [91, 104])).toEqual({ fg: ANSI_PALETTE[9], bg: ANSI_PALETTE[12] });
    expect(applySgr({}, [38, 5, 196])).toEqual({ fg: "#ff0000" });
    expect(applySgr({}, [38, 5, 244])).toEqual({ fg: "#808080" });
    expect(applySgr({}, [48, 2, 1, 2, 3])).toEqual({ bg: "#010203" });
    expect(parseAnsi("\x1b[38:5:2mx")).toEqual([{ text: "x", style: { fg: GREEN } }]);
  });

  it("removes other escape sequences: cursor moves, erase, OSC titles and hyperlinks", () => {
    expect(stripAnsi("\x1b[2K\x1b[1Gprogress 50%\x1b[?25l")).toBe("progress 50%");
    expect(stripAnsi("\x1b]0;title\x07text")).toBe("text");
    expect(stripAnsi("\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\")).toBe("link");
    expect(stripAnsi("cut \x1b[31")).toBe("cut ");
    expect(stripAnsi("lone \x1b")).toBe("lone ");
  });

  it("keeps the text intact around every kind of sequence", () => {
    const line = "\x1b[1m\x1b[33mWARN\x1b[0m \x1b[2mdisk\x1b[0m 91%";
    expect(stripAnsi(line)).toBe("WARN disk 91%");
    expect(parseAnsi(line).map((s) => s.text)).toEqual(["WARN", " ", "disk", " 91%"]);
  });
});

describe("ansiCss", () => {
  it("maps a style to inline CSS, with inverse using the theme's colours", () => {
    expect(ansiCss(undefined)).toBeUndefined();
    expect(ansiCss({ fg: "#111111", bold: true, underline: true, strike: true })).toEqual({
      color: "#111111",
      fontWeight: "600",
      textDecoration: "underline line-through",
    });
    expect(ansiCss({ inverse: true })).toEqual({ color: "var(--bg)", backgroundColor: "var(--text)" });
  });
});

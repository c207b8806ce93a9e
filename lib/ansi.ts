/**
 * A small ANSI parser for log lines: SGR colours (16, 256 and true colour) and bold, dim, italic,
 * underline, strike-through and inverse. Every other escape sequence (cursor moves, erase, OSC titles
 * and links) is removed, so what remains is the text a terminal would have printed.
 */

export interface AnsiStyle {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  inverse?: boolean;
}

export interface AnsiSegment {
  text: string;
  /** Absent for plain text. */
  style?: AnsiStyle;
}

/** Mid-tone colours (after Solarized) that read on both the dark and the light theme. */
export const ANSI_PALETTE = [
  "#586e75",
  "#dc322f",
  "#859900",
  "#b58900",
  "#268bd2",
  "#d33682",
  "#2aa198",
  "#93a1a1",
  "#839496",
  "#f2594b",
  "#a3b82c",
  "#d9a400",
  "#4ba3e8",
  "#ec5ba0",
  "#35c2b6",
  "#b8c5c5",
] as const;

const CUBE = [0, 95, 135, 175, 215, 255];
const hex = (r: number, g: number, b: number) =>
  `#${[r, g, b].map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, "0")).join("")}`;

function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return ANSI_PALETTE[n];
  if (n < 232) {
    const i = n - 16;
    return hex(
      CUBE[Math.floor(i / 36)] as number,
      CUBE[Math.floor(i / 6) % 6] as number,
      CUBE[i % 6] as number,
    );
  }
  const v = 8 + 10 * (n - 232);
  return hex(v, v, v);
}

/** Applies one SGR parameter list to a style; returns the new style (styles are never mutated). */
export function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  let s: AnsiStyle = { ...style };
  const list = params.length ? params : [0];
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as number;
    if (p === 0) s = {};
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 9) s.strike = true;
    else if (p === 22) s.bold = s.dim = undefined;
    else if (p === 23) s.italic = undefined;
    else if (p === 24) s.underline = undefined;
    else if (p === 27) s.inverse = undefined;
    else if (p === 29) s.strike = undefined;
    else if (p >= 30 && p <= 37) s.fg = ANSI_PALETTE[p - 30];
    else if (p >= 90 && p <= 97) s.fg = ANSI_PALETTE[p - 90 + 8];
    else if (p >= 40 && p <= 47) s.bg = ANSI_PALETTE[p - 40];
    else if (p >= 100 && p <= 107) s.bg = ANSI_PALETTE[p - 100 + 8];
    else if (p === 39) s.fg = undefined;
    else if (p === 49) s.bg = undefined;
    else if (p === 38 || p === 48) {
      const mode = list[i + 1];
      let c: string | undefined;
      if (mode === 5) {
        c = color256(list[i + 2] ?? -1);
        i += 2;
      } else if (mode === 2) {
        c = hex(list[i + 2] ?? 0, list[i + 3] ?? 0, list[i + 4] ?? 0);
        i += 4;
      } else break;
      if (p === 38) s.fg = c;
      else s.bg = c;
    }
  }
  for (const k of Object.keys(s) as (keyof AnsiStyle)[]) if (s[k] === undefined) delete s[k];
  return s;
}

const isEmpty = (s: AnsiStyle) => Object.keys(s).length === 0;

/** Splits a line into styled segments. Text without an escape character comes back as one segment. */
export function parseAnsi(input: string): AnsiSegment[] {
  if (!input.includes("\x1b")) return input ? [{ text: input }] : [];
  const out: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let text = "";
  const flush = () => {
    if (text) out.push(isEmpty(style) ? { text } : { text, style });
    text = "";
  };
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch !== "\x1b") {
      const next = input.indexOf("\x1b", i);
      const end = next < 0 ? input.length : next;
      text += input.slice(i, end);
      i = end;
      continue;
    }
    const kind = input[i + 1];
    if (kind === "[") {
      // CSI: parameter bytes 0x30-0x3f, intermediate bytes 0x20-0x2f, one final byte 0x40-0x7e.
      let j = i + 2;
      while (j < input.length && input.charCodeAt(j) >= 0x20 && input.charCodeAt(j) <= 0x3f) j++;
      const final = input[j];
      if (final === "m") {
        const params = input.slice(i + 2, j);
        if (/^[\d;:]*$/.test(params)) {
          flush();
          style = applySgr(style, params ? params.split(/[;:]/).map((v) => (v === "" ? 0 : Number(v))) : []);
        }
      }
      i = final === undefined ? j : j + 1;
    } else if (kind === "]") {
      // OSC: up to BEL or ST (ESC \).
      const bel = input.indexOf("\x07", i + 2);
      const st = input.indexOf("\x1b\\", i + 2);
      const ends = [bel < 0 ? Infinity : bel + 1, st < 0 ? Infinity : st + 2];
      i = Math.min(input.length, ...ends);
    } else {
      i += kind === undefined ? 1 : 2;
    }
  }
  flush();
  return out;
}

/** The text without any escape sequence: what search and filters look at. */
export function stripAnsi(input: string): string {
  return input.includes("\x1b")
    ? parseAnsi(input)
        .map((s) => s.text)
        .join("")
    : input;
}

/** Inline CSS for a style; inverse swaps with the theme's own text and background colours. */
export function ansiCss(style: AnsiStyle | undefined): Record<string, string> | undefined {
  if (!style) return undefined;
  const css: Record<string, string> = {};
  const fg = style.inverse ? (style.bg ?? "var(--bg)") : style.fg;
  const bg = style.inverse ? (style.fg ?? "var(--text)") : style.bg;
  if (fg) css.color = fg;
  if (bg) css.backgroundColor = bg;
  if (style.bold) css.fontWeight = "600";
  if (style.dim) css.opacity = "0.7";
  if (style.italic) css.fontStyle = "italic";
  const deco = [style.underline && "underline", style.strike && "line-through"].filter(Boolean);
  if (deco.length) css.textDecoration = deco.join(" ");
  return css;
}

import type { ITheme } from "@xterm/xterm";

export const TERMINAL_FONT = 'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace';

/** The terminal's colours from the page's own variables, so it follows the dark and light themes. */
export function themeFromPage(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim() || undefined;
  const dark = document.documentElement.classList.contains("dark");
  return {
    background: v("--bg"),
    foreground: v("--text"),
    cursor: v("--accent"),
    cursorAccent: v("--bg"),
    selectionBackground: dark ? "#264f78" : "#b6d4fe",
    ...(dark
      ? {}
      : {
          // xterm's defaults are made for a dark background; these stay readable on a light one.
          black: "#1b1f24",
          white: "#6e7781",
          brightWhite: "#8c959f",
          yellow: "#9a6700",
          brightYellow: "#7d4e00",
          green: "#1a7f37",
          brightGreen: "#116329",
          cyan: "#0969da",
          brightCyan: "#1b7c83",
        }),
  };
}

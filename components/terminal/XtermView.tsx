"use client";
import "@xterm/xterm/css/xterm.css";
import { FitAddon } from "@xterm/addon-fit";
import { SearchAddon } from "@xterm/addon-search";
import { WebLinksAddon } from "@xterm/addon-web-links";
import { Terminal } from "@xterm/xterm";
import { useEffect, useLayoutEffect, useRef } from "react";
import { TERMINAL_FONT, themeFromPage } from "./xterm-theme";

/** What the tab may do with the terminal once it exists. */
export interface TerminalHandle {
  write(data: string): void;
  reset(): void;
  focus(): void;
  size(): { cols: number; rows: number };
  find(term: string, backwards?: boolean): boolean;
  clearFind(): void;
  copySelection(): Promise<boolean>;
  pasteClipboard(): Promise<void>;
}

const SEARCH_DECORATIONS = {
  matchOverviewRuler: "#d29922",
  activeMatchColorOverviewRuler: "#f85149",
  matchBackground: "#d2992266",
  activeMatchBackground: "#f8514988",
};

/**
 * The xterm.js instance: browser-only, so the tab loads this module with next/dynamic and no SSR.
 * It fits itself to its box, follows the page theme, and adds Ctrl+Shift+C/V for copy and paste.
 */
export default function XtermView({
  onData,
  onResize,
  onReady,
  onFindShortcut,
}: {
  onData: (data: string) => void;
  onResize: (cols: number, rows: number) => void;
  onReady: (handle: TerminalHandle) => void;
  onFindShortcut?: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const props = useRef({ onData, onResize, onReady, onFindShortcut });
  useLayoutEffect(() => {
    props.current = { onData, onResize, onReady, onFindShortcut };
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const term = new Terminal({
      fontFamily: TERMINAL_FONT,
      fontSize: 13,
      cursorBlink: true,
      scrollback: 5000,
      allowProposedApi: true,
      theme: themeFromPage(),
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(search);
    term.loadAddon(new WebLinksAddon((_e, uri) => window.open(uri, "_blank", "noopener,noreferrer")));
    term.open(el);
    fit.fit();

    const copySelection = async () => {
      const text = term.getSelection();
      if (!text) return false;
      await navigator.clipboard.writeText(text);
      return true;
    };
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== "keydown" || !e.ctrlKey || !e.shiftKey) return true;
      const key = e.key.toLowerCase();
      if (key === "c") {
        e.preventDefault();
        void copySelection();
        return false;
      }
      // The browser's own paste event follows, and xterm reads it (with bracketed paste when asked).
      if (key === "v") return false;
      if (key === "f") {
        e.preventDefault();
        props.current.onFindShortcut?.();
        return false;
      }
      return true;
    });

    const data = term.onData((d) => props.current.onData(d));
    const resized = term.onResize(({ cols, rows }) => props.current.onResize(cols, rows));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => fit.fit());
    });
    observer.observe(el);
    const themes = new MutationObserver(() => (term.options.theme = themeFromPage()));
    themes.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });

    props.current.onReady({
      write: (d) => term.write(d),
      reset: () => term.reset(),
      focus: () => term.focus(),
      size: () => ({ cols: term.cols, rows: term.rows }),
      find: (q, backwards) =>
        backwards
          ? search.findPrevious(q, { decorations: SEARCH_DECORATIONS })
          : search.findNext(q, { decorations: SEARCH_DECORATIONS }),
      clearFind: () => search.clearDecorations(),
      copySelection,
      pasteClipboard: async () => term.paste(await navigator.clipboard.readText()),
    });
    term.focus();

    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      themes.disconnect();
      data.dispose();
      resized.dispose();
      term.dispose();
    };
  }, []);

  return <div ref={box} className="h-full w-full overflow-hidden" data-testid="terminal" />;
}

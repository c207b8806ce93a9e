"use client";
import { useEffect, useLayoutEffect, useRef } from "react";

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === "INPUT" || el.tagName === "SELECT" || el.tagName === "TEXTAREA" || el.isContentEditable)
  );
}

/** j/k or arrows move, Enter opens, x selects, r restarts, / searches. Keys are ignored while typing. */
export function useListKeyboard(handlers: {
  count: number;
  focused: number;
  setFocused: (i: number) => void;
  open: (i: number) => void;
  /** x: lists without selection leave it out. */
  toggle?: (i: number) => void;
  /** r: lists of things that do not restart leave it out. */
  restart?: (i: number) => void;
  focusSearch: () => void;
}) {
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      if (e.key === "Escape" && typing(e.target)) {
        (e.target as HTMLElement).blur();
        return;
      }
      if (typing(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const move = (d: number) => {
        e.preventDefault();
        if (h.count) h.setFocused(Math.max(0, Math.min(h.count - 1, h.focused + d)));
      };
      switch (e.key) {
        case "j":
        case "ArrowDown":
          return move(1);
        case "k":
        case "ArrowUp":
          return move(-1);
        case "Enter":
          if (
            h.focused >= 0 &&
            h.focused < h.count &&
            !(e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)
          )
            h.open(h.focused);
          return;
        case "x":
          if (h.focused >= 0) h.toggle?.(h.focused);
          return;
        case "r":
          if (h.focused >= 0) h.restart?.(h.focused);
          return;
        case "/":
          e.preventDefault();
          h.focusSearch();
          return;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

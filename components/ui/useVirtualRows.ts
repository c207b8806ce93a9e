"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type RefObject,
} from "react";
import { useAfterPaint } from "./useAfterPaint";
import { clampIndex, nearestScroller, offsetInScroller, spacerHeights } from "./virtual-rows";

/** Where the table's body sits in its scroll element, and how much of the top its sticky head hides. */
interface Geometry {
  margin: number;
  header: number;
}

/**
 * The height assumed before the scroll element is known (the server's render, the first one in the
 * browser): those rows render at once, and a table that fits its columns to its rows has rows to fit.
 */
const FIRST_SCREEN = 900;

const near = (a: Geometry, b: Geometry) =>
  Math.abs(a.margin - b.margin) < 1 && Math.abs(a.header - b.header) < 1;

/** Where `body` sits in `scroller`'s content, and the height of its table's head if that sticks. */
function measureGeometry(body: HTMLTableSectionElement, scroller: HTMLElement): Geometry {
  const box = scroller.getBoundingClientRect();
  const head = body.parentElement instanceof HTMLTableElement ? body.parentElement.tHead : null;
  return {
    margin: offsetInScroller(body.getBoundingClientRect().top, {
      top: box.top,
      scrollTop: scroller.scrollTop,
      borderTop: scroller.clientTop,
    }),
    header: head && getComputedStyle(head).position === "sticky" ? head.getBoundingClientRect().height : 0,
  };
}

export interface VirtualRowsOptions {
  /** The table body whose rows these are. */
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  count: number;
  /** The stable key of the row at an index, so measured heights and focus follow rows that move. */
  keyAt: (index: number) => string;
  /** A typical row's height in pixels; rendered rows are measured. */
  estimateSize: number;
  /** The element that scrolls the table; the table's nearest scrolling ancestor when left out. */
  scrollRef?: RefObject<HTMLElement | null>;
  /** The keyboard-focused row: when another row takes the focus, it is scrolled into view. */
  focused?: number;
  overscan?: number;
}

/**
 * The rows of a table body to render for what its scroll element shows, plus overscan, and the
 * heights of the spacer rows that stand for the others, so the scrollbar stays true.
 */
export function useVirtualRows({
  bodyRef,
  count,
  keyAt,
  estimateSize,
  scrollRef,
  focused = -1,
  overscan = 10,
}: VirtualRowsOptions) {
  // undefined until the body is laid out; null when nothing but the page scrolls (every row renders).
  const [scroller, setScroller] = useState<HTMLElement | null>();
  // A table that mounts into a scroll element already on the page (a list that just loaded) renders
  // only what that element shows at once, not a guessed screenful it would trim right after.
  const [firstScreen] = useState(() => scrollRef?.current?.clientHeight || FIRST_SCREEN);
  const [geometry, setGeometry] = useState<Geometry>({ margin: 0, header: 0 });

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body) setScroller(scrollRef?.current ?? nearestScroller(body, (e) => getComputedStyle(e).overflowY));
  }, [bodyRef, scrollRef]);

  // What comes before the table in the scroll element (cards that load, a banner) moves the list:
  // measure again whenever the scroll element, its content or the table changes size.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body || !scroller) return;
    const measure = () => {
      const next = measureGeometry(body, scroller);
      setGeometry((g) => (near(g, next) ? g : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    for (const el of [scroller, ...Array.from(scroller.children), body.parentElement]) {
      if (el) ro.observe(el);
    }
    return () => ro.disconnect();
  }, [bodyRef, scroller]);

  // A table's first frame holds only the rows on screen; the overscan joins once that frame is
  // painted, so the first rows never wait for rows nobody sees yet.
  const painted = useAfterPaint(count > 0);

  // The virtualizer hands out fresh functions on purpose; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLTableRowElement>({
    count,
    getScrollElement: () => scroller ?? null,
    estimateSize: () => estimateSize,
    getItemKey: keyAt,
    overscan: painted ? overscan : 0,
    scrollMargin: geometry.margin,
    // A row brought into view must land below the sticky head, not under it.
    scrollPaddingStart: geometry.header,
    initialRect: { width: 0, height: firstScreen },
    useFlushSync: false,
  });

  // A row focused by the pointer is already where the user looks; scrolling it would move the row away
  // between press and release, and the click would land elsewhere.
  const pointed = useRef<string>(undefined);
  const onMouseDownCapture = useCallback(
    (e: MouseEvent) => {
      const row = (e.target as Element).closest<HTMLElement>("tr[data-index]");
      const i = clampIndex(Number(row?.dataset.index), count);
      pointed.current = i >= 0 ? keyAt(i) : undefined;
    },
    [count, keyAt],
  );
  const at = clampIndex(focused, count);
  const focusedKey = at >= 0 ? keyAt(at) : undefined;
  const focusedAt = useRef(at);
  useLayoutEffect(() => {
    focusedAt.current = at;
  });
  useEffect(() => {
    const byPointer = focusedKey !== undefined && focusedKey === pointed.current;
    pointed.current = undefined;
    if (focusedKey === undefined || byPointer || !scroller) return;
    virtualizer.scrollToIndex(focusedAt.current, { align: "auto" });
  }, [focusedKey, scroller, virtualizer]);

  if (scroller === null) {
    return {
      onMouseDownCapture,
      indexes: Array.from({ length: count }, (_, i) => i),
      before: 0,
      after: 0,
      measure: undefined,
    };
  }
  const items = virtualizer.getVirtualItems();
  return {
    onMouseDownCapture,
    indexes: items.map((v) => v.index),
    ...spacerHeights(items, virtualizer.getTotalSize(), geometry.margin),
    measure: virtualizer.measureElement,
  };
}

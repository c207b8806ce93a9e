/** The arithmetic of a virtual table: the rows it renders stand between two empty spacer rows. */

/** A rendered row's place in the scroll element's content, as the virtualizer reports it. */
export interface RowSpan {
  start: number;
  end: number;
}

/**
 * Heights of the spacer rows above and below the rendered rows. `total` is the height of every row,
 * rendered or not; row spans count from the top of the scroll element's content, where the list sits
 * `margin` pixels down (under whatever precedes the table's body).
 */
export function spacerHeights(
  rendered: readonly RowSpan[],
  total: number,
  margin: number,
): { before: number; after: number } {
  const first = rendered[0];
  const last = rendered.at(-1);
  if (!first || !last) return { before: 0, after: Math.max(0, total) };
  return {
    before: Math.max(0, first.start - margin),
    after: Math.max(0, total - (last.end - margin)),
  };
}

/** An index kept inside a list of `count` rows; -1 when there is no row to point at. */
export function clampIndex(index: number, count: number): number {
  if (count <= 0 || index < 0 || Number.isNaN(index)) return -1;
  return Math.min(Math.floor(index), count - 1);
}

/** The focused row as remembered: its key, and where it was when it was focused. */
export interface FocusMark {
  key?: string;
  index: number;
}

/**
 * Where the focused row is now. A row keeps the focus wherever a live update or a new sort moves it;
 * once it is gone, the focus stays at the place it had, on whichever row now fills it.
 */
export function resolveFocus(keys: readonly string[], mark: FocusMark): number {
  if (mark.key !== undefined) {
    const at = keys.indexOf(mark.key);
    if (at >= 0) return at;
  }
  return clampIndex(mark.index, keys.length);
}

/**
 * How far down a scroll element's content an element starts, from both of their boxes as the viewport
 * sees them: the scrolled-away part counts, the scroll element's top border does not.
 */
export function offsetInScroller(
  elementTop: number,
  scroller: { top: number; scrollTop: number; borderTop: number },
): number {
  return elementTop - scroller.top - scroller.borderTop + scroller.scrollTop;
}

/** What `nearestScroller` needs to know of an element. */
export interface ScrollCandidate {
  parentElement: ScrollCandidate | null;
}

/**
 * The nearest ancestor that scrolls vertically (overflow-y auto or scroll), or null for the page
 * itself. `overflowY` reads an element's computed overflow-y.
 */
export function nearestScroller<E extends ScrollCandidate>(
  start: E | null,
  overflowY: (el: E) => string,
): E | null {
  for (let el = start?.parentElement as E | null; el; el = el.parentElement as E | null) {
    const o = overflowY(el);
    if (o === "auto" || o === "scroll" || o === "overlay") return el;
  }
  return null;
}

/**
 * Keys for rows that have no id of their own: each row's `base`, which it keeps whatever rows come and
 * go around it; rows that share a base (alike in every way shown) are told apart by their order
 * (`base`, `base#2`, …).
 */
export function occurrenceKeys<T>(items: readonly T[], base: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const b = base(item);
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return n === 1 ? b : `${b}#${n}`;
  });
}

"use client";
import { useCallback, useMemo, useState } from "react";
import { resolveFocus, type FocusMark } from "./virtual-rows";

/**
 * The focused row of a live list, held by its key: a row that an update or a sort moves keeps the
 * focus. Returns the focused index (-1 for none) and a setter by index, as useListKeyboard wants.
 */
export function useKeyedFocus<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): [number, (index: number) => void] {
  const [mark, setMark] = useState<FocusMark>({ index: -1 });
  const keys = useMemo(() => items.map(keyOf), [items, keyOf]);
  const focused = resolveFocus(keys, mark);
  const setFocused = useCallback((index: number) => setMark({ key: keys[index], index }), [keys]);
  return [focused, setFocused];
}

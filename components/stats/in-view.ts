"use client";
import { useEffect, useState } from "react";

const callbacks = new WeakMap<Element, (visible: boolean) => void>();
let observer: IntersectionObserver | undefined;

/** One observer for every row on the page, with a margin so rows about to scroll in are ready. */
function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: "150px 0px" },
  );
  return observer;
}

/** Whether the element is (nearly) on screen; pass the returned setter as the element's ref. */
export function useInView<T extends Element>(): [(el: T | null) => void, boolean] {
  const [el, setEl] = useState<T | null>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!el) return;
    const o = shared();
    callbacks.set(el, setVisible);
    o.observe(el);
    return () => {
      o.unobserve(el);
      callbacks.delete(el);
    };
  }, [el]);
  return [setEl, visible];
}

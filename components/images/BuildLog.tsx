"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * The build's output, monospace, following the end unless the reader scrolled up to look at
 * something; the job keeps only the last lines, so the DOM stays bounded.
 */
export function BuildLog({ lines }: { lines: string[] }) {
  const t = useTranslations("images.build");
  const ref = useRef<HTMLPreElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <pre
      ref={ref}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
      className="h-72 overflow-auto rounded border border-line bg-bg p-2 font-mono text-xs leading-5 whitespace-pre-wrap"
      data-testid="build-log"
    >
      {lines.length ? lines.join("\n") : t("waiting")}
    </pre>
  );
}

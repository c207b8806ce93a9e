import type { ReactNode } from "react";

export function DetailSection({
  title,
  aside,
  children,
  testId,
}: {
  title: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded border border-line bg-panel" data-testid={testId}>
      <h2 className="flex items-center gap-2 border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {title}
        {aside && <span className="ml-auto font-normal tracking-normal normal-case">{aside}</span>}
      </h2>
      <div className="p-3">{children}</div>
    </section>
  );
}

/**
 * Label and value rows. A row's test id is `kv-` and its label, or its third element when given: a
 * translated label then need not change the id.
 */
export function KV({ rows }: { rows: ([string, ReactNode] | [string, ReactNode, string])[] }) {
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1">
      {rows.map(([k, v, id]) => (
        <div key={id ?? k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="min-w-0 break-words" data-testid={`kv-${id ?? k}`}>
            {v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

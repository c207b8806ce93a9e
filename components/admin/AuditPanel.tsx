"use client";
import { Fragment, useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { Button } from "@/components/ui/Button";
import { errorField } from "@/components/api/error-field";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import { checkWith, fieldProblem } from "@/components/ui/form-check";
import { StatePanel } from "@/components/ui/StatePanel";
import type { AuditFilters } from "@/lib/query-keys";
import { auditQuerySchema } from "@/lib/schemas";
import type { AuditEntry } from "@/lib/types";
import { AdminGate, PageHeader } from "./AdminPage";
import { formatLocal, ResultBadge, td, th } from "./bits";
import { auditSearch, useAuditQuery, useUsersQuery } from "./queries";

/** Action prefixes worth offering; any prefix works ("container." matches every container action). */
const ACTION_HINTS = ["auth.", "auth.login", "user.", "token.", "session.", "host.", "container."];

interface Draft {
  user: string;
  hostId: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { user: "", hostId: "", action: "", from: "", to: "" };

/** datetime-local is local time to the minute; "to" covers the whole minute it names. */
function toFilters(d: Draft): AuditFilters {
  const ms = (v: string) => (v ? new Date(v).getTime() : undefined);
  const to = ms(d.to);
  return {
    ...(d.user.trim() ? { user: d.user.trim() } : {}),
    ...(d.hostId.trim() ? { hostId: d.hostId.trim() } : {}),
    ...(d.action.trim() ? { action: d.action.trim() } : {}),
    ...(d.from ? { from: ms(d.from) } : {}),
    ...(to !== undefined ? { to: d.to.length <= 16 ? to + 59_999 : to } : {}),
  };
}

export function AuditPanel() {
  return (
    <AdminGate title="Audit log">
      <AuditView />
    </AdminGate>
  );
}

function AuditView() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [error, setError] = useState<Error>();
  const audit = useAuditQuery(filters);
  const hosts = useHostsQuery();
  const users = useUsersQuery();
  const items = audit.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(filters).length > 0;
  const bad = errorField(error);
  const input = (
    key: keyof Draft,
    props: { className?: string; list?: string; type?: string; placeholder?: string },
  ) => (
    <input
      name={key}
      {...props}
      className={`${inputClass} ${props.className ?? ""}`}
      value={draft[key]}
      aria-invalid={bad === key || undefined}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );

  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Audit log" sub="every state change and sign-in, newest first">
        <Button size="sm" onClick={() => void audit.refetch()} disabled={audit.isFetching}>
          {audit.isFetching ? "Refreshing…" : "Refresh"}
        </Button>
        <a
          className="rounded border border-line bg-panel px-1.5 py-0.5 text-xs hover:bg-panel-2"
          href={`/api/v1/audit?${auditSearch(filters, { format: "csv" })}`}
          download
          data-testid="audit-csv"
          title="Up to 10,000 entries matching the filters"
        >
          Export CSV
        </a>
      </PageHeader>
      <form
        role="search"
        aria-label="Filter the audit log"
        className="flex flex-wrap items-end gap-3 border-b border-line bg-panel px-3 py-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = toFilters(draft);
          const problem = checkWith(auditQuerySchema, next);
          const order =
            next.from !== undefined && next.to !== undefined && next.from > next.to
              ? fieldProblem("to", "is before from")
              : undefined;
          setError(problem ?? order);
          if (!problem && !order) setFilters(next);
        }}
      >
        <Field label="User">{input("user", { className: "w-36", list: "audit-users" })}</Field>
        <Field label="Host">{input("hostId", { className: "w-32", list: "audit-hosts" })}</Field>
        <Field label="Action starts with">
          {input("action", {
            className: "w-40 font-mono text-xs",
            list: "audit-actions",
            placeholder: "container.",
          })}
        </Field>
        <Field label="From">{input("from", { type: "datetime-local" })}</Field>
        <Field label="To">{input("to", { type: "datetime-local" })}</Field>
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary">
            Apply
          </Button>
          <Button
            disabled={!filtered && draft === EMPTY}
            onClick={() => {
              setDraft(EMPTY);
              setFilters({});
              setError(undefined);
            }}
          >
            Clear
          </Button>
        </div>
        <FormError message={error?.message} />
        <datalist id="audit-users">
          {users.data?.items.map((u) => (
            <option key={u.id} value={u.username} />
          ))}
        </datalist>
        <datalist id="audit-hosts">
          {hosts.data?.items.map((h) => (
            <option key={h.id} value={h.id} />
          ))}
        </datalist>
        <datalist id="audit-actions">
          {ACTION_HINTS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </form>
      <div className="min-h-0 flex-1 overflow-auto">
        {audit.isPending ? (
          <StatePanel tone="loading" title="Loading the audit log…" />
        ) : audit.error && items.length === 0 ? (
          <StatePanel tone="error" title="Could not read the audit log">
            {audit.error.message}. Check the filters, or clear them and try again.
          </StatePanel>
        ) : items.length === 0 ? (
          filtered ? (
            <StatePanel title="No entry matches these filters">
              Widen the time range or clear the filters. The user filter matches the whole name.
            </StatePanel>
          ) : (
            <StatePanel title="The audit log is empty">
              Sign-ins, container actions and changes to users, tokens and hosts are recorded here as they
              happen.
            </StatePanel>
          )
        ) : (
          <>
            <AuditTable items={items} />
            <div className="flex items-center gap-3 px-3 py-2 text-muted">
              <span data-testid="audit-count">
                {items.length} {items.length === 1 ? "entry" : "entries"}
                {audit.hasNextPage ? " shown" : ""}
              </span>
              {audit.hasNextPage && (
                <Button
                  size="sm"
                  onClick={() => void audit.fetchNextPage()}
                  disabled={audit.isFetchingNextPage}
                >
                  {audit.isFetchingNextPage ? "Loading…" : "Load older entries"}
                </Button>
              )}
              {audit.error && (
                <span className="text-bad" role="alert">
                  {audit.error.message}; try again.
                </span>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function AuditTable({ items }: { items: AuditEntry[] }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <table className="w-full border-collapse" data-testid="audit-table">
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          <th className={th}>Time</th>
          <th className={th}>User</th>
          <th className={th}>IP</th>
          <th className={th}>Host</th>
          <th className={th}>Target</th>
          <th className={th}>Action</th>
          <th className={th}>Result</th>
          <th className={th}>Error</th>
          <th className={th}>Params</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => {
          const expanded = open.has(e.id);
          return (
            <Fragment key={e.id}>
              <tr
                className={`border-b border-line/60 hover:bg-panel-2 ${expanded ? "bg-panel-2" : ""}`}
                data-testid="audit-row"
                data-action={e.action}
              >
                <td
                  className={`${td} font-mono text-xs whitespace-nowrap text-muted`}
                  title={new Date(e.at).toISOString()}
                >
                  {formatLocal(e.at)}
                </td>
                <td className={`${td} whitespace-nowrap`}>{e.user}</td>
                <td className={`${td} font-mono text-xs text-muted`}>{e.ip ?? ""}</td>
                <td className={`${td} text-muted`}>{e.hostId ?? ""}</td>
                <td className={`${td} max-w-56 truncate`} title={e.target} data-testid="audit-target">
                  {e.target ?? ""}
                </td>
                <td className={`${td} font-mono text-xs whitespace-nowrap`}>{e.action}</td>
                <td className={td}>
                  <ResultBadge result={e.result} />
                </td>
                <td className={`${td} max-w-80 truncate text-bad`} title={e.error}>
                  {e.error ?? ""}
                </td>
                <td className={td}>
                  {e.params !== undefined && (
                    <button
                      className="rounded border border-line px-1.5 font-mono text-[11px] text-muted hover:bg-panel hover:text-fg"
                      aria-expanded={expanded}
                      aria-label={`${expanded ? "Hide" : "Show"} parameters of ${e.action}`}
                      onClick={() => toggle(e.id)}
                    >
                      {expanded ? "hide" : "{…}"}
                    </button>
                  )}
                </td>
              </tr>
              {expanded && (
                <tr className="border-b border-line/60 bg-panel-2">
                  <td colSpan={9} className="px-2 pb-2">
                    <pre className="max-h-80 overflow-auto rounded border border-line bg-bg p-2 font-mono text-xs">
                      {JSON.stringify(e.params, null, 2)}
                    </pre>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

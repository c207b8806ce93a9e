"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useMemo, useRef, useState, type RefObject } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { errorField } from "@/components/api/error-field";
import { Field, FormError, inputClass } from "@/components/ui/Form";
import { checkWith, fieldProblem } from "@/components/ui/form-check";
import { StatePanel } from "@/components/ui/StatePanel";
import { VirtualBody } from "@/components/ui/VirtualBody";
import type { AuditFilters } from "@/lib/query-keys";
import { auditQuerySchema } from "@/lib/schemas";
import type { AuditEntry } from "@/lib/types";
import { AdminGate, PageHeader } from "./AdminPage";
import { ResultBadge, td, th } from "./bits";
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
  const t = useTranslations("admin.audit");
  return (
    <AdminGate title={t("title")}>
      <AuditView />
    </AdminGate>
  );
}

function AuditView() {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const errorLine = useErrorLine();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [error, setError] = useState<Error>();
  const audit = useAuditQuery(filters);
  const hosts = useHostsQuery();
  const users = useUsersQuery();
  const items = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
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
      <PageHeader title={t("audit.title")} sub={t("audit.sub")}>
        <Button size="sm" onClick={() => void audit.refetch()} disabled={audit.isFetching}>
          {audit.isFetching ? t("refreshing") : t("refresh")}
        </Button>
        <a
          className="rounded border border-line bg-panel px-1.5 py-0.5 text-xs hover:bg-panel-2"
          href={`/api/v1/audit?${auditSearch(filters, { format: "csv" })}`}
          download
          data-testid="audit-csv"
          title={t("audit.csvTitle")}
        >
          {t("audit.csv")}
        </a>
      </PageHeader>
      <form
        role="search"
        aria-label={t("audit.filters")}
        className="flex flex-wrap items-end gap-3 border-b border-line bg-panel px-3 py-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next = toFilters(draft);
          const problem = checkWith(auditQuerySchema, next);
          const order =
            next.from !== undefined && next.to !== undefined && next.from > next.to
              ? fieldProblem("to", t("audit.toBeforeFrom"))
              : undefined;
          setError(problem ?? order);
          if (!problem && !order) setFilters(next);
        }}
      >
        <Field label={t("audit.user")}>{input("user", { className: "w-36", list: "audit-users" })}</Field>
        <Field label={t("audit.host")}>{input("hostId", { className: "w-32", list: "audit-hosts" })}</Field>
        <Field label={t("audit.action")}>
          {input("action", {
            className: "w-40 font-mono text-xs",
            list: "audit-actions",
            placeholder: "container.",
          })}
        </Field>
        <Field label={t("audit.from")}>{input("from", { type: "datetime-local" })}</Field>
        <Field label={t("audit.to")}>{input("to", { type: "datetime-local" })}</Field>
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary">
            {t("audit.apply")}
          </Button>
          <Button
            disabled={!filtered && draft === EMPTY}
            onClick={() => {
              setDraft(EMPTY);
              setFilters({});
              setError(undefined);
            }}
          >
            {t("audit.clear")}
          </Button>
        </div>
        <FormError error={error} />
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
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        {audit.isPending ? (
          <StatePanel tone="loading" title={t("audit.loading")} />
        ) : audit.error && items.length === 0 ? (
          <StatePanel tone="error" title={t("audit.loadFailed")}>
            {errorLine(audit.error)}. {t("audit.loadFailedHint")}
          </StatePanel>
        ) : items.length === 0 ? (
          filtered ? (
            <StatePanel title={t("audit.noMatch")}>{t("audit.noMatchHint")}</StatePanel>
          ) : (
            <StatePanel title={t("audit.empty")}>{t("audit.emptyHint")}</StatePanel>
          )
        ) : (
          <>
            <AuditTable items={items} scrollRef={scrollRef} />
            <div className="flex items-center gap-3 px-3 py-2 text-muted">
              <span data-testid="audit-count">
                {t(audit.hasNextPage ? "audit.countShown" : "audit.count", { count: items.length })}
              </span>
              {audit.hasNextPage && (
                <Button
                  size="sm"
                  onClick={() => void audit.fetchNextPage()}
                  disabled={audit.isFetchingNextPage}
                >
                  {audit.isFetchingNextPage ? tc("loading") : t("audit.loadOlder")}
                </Button>
              )}
              {audit.error && (
                <span className="text-bad" role="alert">
                  {t("audit.olderFailed", { error: errorLine(audit.error) })}
                </span>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

/** A row of the table: an entry, or the parameters of an entry opened under it. */
interface AuditLine {
  entry: AuditEntry;
  params?: true;
}

const lineKey = (l: AuditLine) => (l.params ? `${l.entry.id}:params` : String(l.entry.id));

function AuditTable({ items, scrollRef }: { items: AuditEntry[]; scrollRef: RefObject<HTMLElement | null> }) {
  const fmt = useFormat();
  const t = useTranslations("admin");
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  // Opened parameters are rows of their own, so the virtual body measures and scrolls them like any row.
  const lines = useMemo(
    () =>
      items.flatMap((entry): AuditLine[] =>
        open.has(entry.id) ? [{ entry }, { entry, params: true }] : [{ entry }],
      ),
    [items, open],
  );
  return (
    // Fixed widths: the columns must not follow whichever rows happen to be rendered.
    <table
      className="w-full min-w-[70rem] table-fixed border-collapse"
      data-testid="audit-table"
      aria-rowcount={lines.length + 1}
    >
      <colgroup>
        <col className="w-44" />
        <col className="w-32" />
        <col className="w-28" />
        <col className="w-20" />
        <col />
        <col className="w-40" />
        <col className="w-20" />
        <col />
        <col className="w-20" />
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          <th className={th}>{t("col.time")}</th>
          <th className={th}>{t("col.user")}</th>
          <th className={th}>{t("col.ip")}</th>
          <th className={th}>{t("col.host")}</th>
          <th className={th}>{t("col.target")}</th>
          <th className={th}>{t("col.action")}</th>
          <th className={th}>{t("col.result")}</th>
          <th className={th}>{t("col.error")}</th>
          <th className={th}>{t("col.params")}</th>
        </tr>
      </thead>
      <VirtualBody
        items={lines}
        rowKey={lineKey}
        estimateSize={28}
        columns={9}
        scrollRef={scrollRef}
        row={({ entry: e, params }, _i, props) => {
          const expanded = open.has(e.id);
          if (params) {
            return (
              <tr {...props} className="border-b border-line/60 bg-panel-2">
                <td colSpan={9} className="px-2 pb-2">
                  <pre className="max-h-80 overflow-auto rounded border border-line bg-bg p-2 font-mono text-xs">
                    {JSON.stringify(e.params, null, 2)}
                  </pre>
                </td>
              </tr>
            );
          }
          return (
            <tr
              {...props}
              className={`border-b border-line/60 hover:bg-panel-2 ${expanded ? "bg-panel-2" : ""}`}
              data-testid="audit-row"
              data-action={e.action}
            >
              <td
                className={`${td} truncate font-mono text-xs text-muted`}
                title={new Date(e.at).toISOString()}
              >
                {fmt.dateTime(e.at)}
              </td>
              <td className={`${td} truncate`} title={e.user}>
                {e.user}
              </td>
              <td className={`${td} truncate font-mono text-xs text-muted`} title={e.ip}>
                {e.ip ?? ""}
              </td>
              <td className={`${td} truncate text-muted`}>{e.hostId ?? ""}</td>
              <td className={`${td} truncate`} title={e.target} data-testid="audit-target">
                {e.target ?? ""}
              </td>
              <td className={`${td} truncate font-mono text-xs`} title={e.action}>
                {e.action}
              </td>
              <td className={td}>
                <ResultBadge result={e.result} />
              </td>
              <td className={`${td} truncate text-bad`} title={e.error}>
                {e.error ?? ""}
              </td>
              <td className={td}>
                {e.params !== undefined && (
                  <button
                    className="rounded border border-line px-1.5 font-mono text-[11px] text-muted hover:bg-panel hover:text-fg"
                    aria-expanded={expanded}
                    aria-label={t(expanded ? "audit.hideParams" : "audit.showParams", { action: e.action })}
                    onClick={() => toggle(e.id)}
                  >
                    {expanded ? t("audit.hide") : "{…}"}
                  </button>
                )}
              </td>
            </tr>
          );
        }}
      />
    </table>
  );
}

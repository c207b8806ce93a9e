"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useNow } from "@/components/hooks/useNow";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { queryKeys } from "@/lib/query-keys";
import type { SessionRecord } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { td, th } from "./bits";
import { useSessionsQuery } from "./queries";

export function SessionsPanel() {
  const t = useTranslations("admin.sessions");
  return (
    <AdminGate title={t("title")}>
      <SessionsView />
    </AdminGate>
  );
}

function SessionsView() {
  const sessions = useSessionsQuery();
  const [revoking, setRevoking] = useState<SessionRecord>();
  const now = useNow(10_000);
  const items = sessions.data?.items ?? [];
  const users = new Set(items.map((s) => s.userId)).size;
  const t = useTranslations("admin");
  const fmt = useFormat();
  const errorLine = useErrorLine();
  const agent = (ua: string) => {
    const { name, os } = agentParts(ua);
    return os ? t("sessions.agent", { browser: name, os }) : name;
  };
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title={t("sessions.title")}
        sub={sessions.data ? t("sessions.sub", { browsers: items.length, users }) : t("sessions.subIdle")}
      >
        <Button size="sm" onClick={() => void sessions.refetch()} disabled={sessions.isFetching}>
          {sessions.isFetching ? t("refreshing") : t("refresh")}
        </Button>
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title={t("sessions.active")} aside={t("sessions.aside")}>
          {sessions.isPending ? (
            <StatePanel tone="loading" title={t("sessions.loading")} />
          ) : sessions.error ? (
            <StatePanel tone="error" title={t("sessions.loadFailed")}>
              {errorLine(sessions.error)}. {t("reloadHint")}
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title={t("sessions.empty")}>{t("sessions.emptyHint")}</StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="session-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>{t("col.user")}</th>
                  <th className={th}>{t("col.ip")}</th>
                  <th className={th}>{t("col.browser")}</th>
                  <th className={th}>{t("col.signedIn")}</th>
                  <th className={th}>{t("col.lastSeen")}</th>
                  <th className={th}>{t("col.expires")}</th>
                  <th className={th} />
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr
                    key={s.id}
                    className="border-b border-line/60 hover:bg-panel-2"
                    data-testid={`session-${s.username}`}
                  >
                    <td className={`${td} font-medium whitespace-nowrap`}>
                      {s.username}
                      {s.current && (
                        <span
                          className="ml-2 rounded border border-accent/40 px-1 text-[11px] text-accent"
                          data-testid="this-session"
                        >
                          {t("sessions.thisSession")}
                        </span>
                      )}
                    </td>
                    <td className={`${td} font-mono text-xs`}>{s.ip ?? "—"}</td>
                    <td className={`${td} max-w-96 truncate text-muted`} title={s.userAgent}>
                      {s.userAgent ? agent(s.userAgent) : "—"}
                    </td>
                    <td className={`${td} whitespace-nowrap text-muted`}>{fmt.dateTime(s.createdAt)}</td>
                    <td className={`${td} whitespace-nowrap text-muted`} title={fmt.dateTime(s.lastSeenAt)}>
                      {t("ago", { age: fmt.age(s.lastSeenAt, now) })}
                    </td>
                    <td className={`${td} whitespace-nowrap text-muted`} title={fmt.dateTime(s.expiresAt)}>
                      {t("in", { age: fmt.age(now, s.expiresAt) })}
                    </td>
                    <td className={`${td} text-right`}>
                      <Button size="sm" variant="danger" onClick={() => setRevoking(s)}>
                        {t("revoke")}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>
      {revoking && <RevokeDialog session={revoking} onClose={() => setRevoking(undefined)} />}
    </div>
  );
}

/**
 * The browser and OS of a user agent ("Chrome 131", "Linux"), said as "Chrome 131 on Linux"; the full
 * string is in the cell's title.
 */
export function agentParts(ua: string): { name: string; os?: string } {
  const browser =
    /(Edg|OPR|Firefox|Chromium|Chrome|Safari|curl|node|Playwright)\/([\d]+)/.exec(ua) ??
    /(HeadlessChrome)\/([\d]+)/.exec(ua);
  const os = /Windows|Mac OS X|Android|iPhone|iPad|Linux|CrOS/.exec(ua)?.[0];
  const name = browser ? `${browser[1] === "Edg" ? "Edge" : browser[1]} ${browser[2]}` : ua.slice(0, 40);
  return os ? { name, os: os.replace("Mac OS X", "macOS") } : { name };
}

function RevokeDialog({ session, onClose }: { session: SessionRecord; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("admin");
  const errorLine = useErrorLine();
  const revoke = useMutation({
    mutationFn: () => api(`/api/v1/sessions/${session.id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", t("sessions.revoked", { username: session.username }));
      onClose();
      // Our own session: a full load of the sign-in page, so no data of the ended session stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (session.current) window.location.assign("/login");
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.sessions() });
      void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
    },
  });
  return (
    <ConfirmDialog
      open
      title={t("sessions.revokeTitle", { username: session.username })}
      confirmLabel={revoke.isPending ? t("revoking") : t("sessions.revokeConfirm")}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
    >
      {session.current
        ? t("sessions.revokeOwn")
        : session.ip
          ? t("sessions.revokeOtherIp", { ip: session.ip })
          : t("sessions.revokeOther")}
      {revoke.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(revoke.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}

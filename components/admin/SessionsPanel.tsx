"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useNow } from "@/components/hooks/useNow";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { formatAge } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import type { SessionRecord } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { formatLocal, td, th } from "./bits";
import { useSessionsQuery } from "./queries";

export function SessionsPanel() {
  return (
    <AdminGate title="Sessions">
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
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Sessions"
        sub={
          sessions.data
            ? `${items.length} signed-in browsers · ${users} users`
            : "who is signed in, and from where"
        }
      >
        <Button size="sm" onClick={() => void sessions.refetch()} disabled={sessions.isFetching}>
          {sessions.isFetching ? "Refreshing…" : "Refresh"}
        </Button>
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-auto">
        <Section
          title="Active sessions"
          aside="A session ends after 12 h idle or 7 days in all. Revoking closes its open pages at once."
        >
          {sessions.isPending ? (
            <StatePanel tone="loading" title="Loading sessions…" />
          ) : sessions.error ? (
            <StatePanel tone="error" title="Could not list sessions">
              {sessions.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No active sessions">Sessions appear here when users sign in.</StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="session-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>User</th>
                  <th className={th}>IP</th>
                  <th className={th}>Browser</th>
                  <th className={th}>Signed in</th>
                  <th className={th}>Last seen</th>
                  <th className={th}>Expires</th>
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
                          this session
                        </span>
                      )}
                    </td>
                    <td className={`${td} font-mono text-xs`}>{s.ip ?? "—"}</td>
                    <td className={`${td} max-w-96 truncate text-muted`} title={s.userAgent}>
                      {s.userAgent ? shortAgent(s.userAgent) : "—"}
                    </td>
                    <td className={`${td} whitespace-nowrap text-muted`}>{formatLocal(s.createdAt)}</td>
                    <td className={`${td} whitespace-nowrap text-muted`} title={formatLocal(s.lastSeenAt)}>
                      {formatAge(s.lastSeenAt, now)} ago
                    </td>
                    <td className={`${td} whitespace-nowrap text-muted`} title={formatLocal(s.expiresAt)}>
                      in {formatAge(now, s.expiresAt)}
                    </td>
                    <td className={`${td} text-right`}>
                      <Button size="sm" variant="danger" onClick={() => setRevoking(s)}>
                        Revoke
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

/** "Chrome 131 on Linux" out of a user agent; the full string is in the cell's title. */
export function shortAgent(ua: string): string {
  const browser =
    /(Edg|OPR|Firefox|Chromium|Chrome|Safari|curl|node|Playwright)\/([\d]+)/.exec(ua) ??
    /(HeadlessChrome)\/([\d]+)/.exec(ua);
  const os = /Windows|Mac OS X|Android|iPhone|iPad|Linux|CrOS/.exec(ua)?.[0];
  const name = browser ? `${browser[1] === "Edg" ? "Edge" : browser[1]} ${browser[2]}` : ua.slice(0, 40);
  return os ? `${name} on ${os.replace("Mac OS X", "macOS")}` : name;
}

function RevokeDialog({ session, onClose }: { session: SessionRecord; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: () => api(`/api/v1/sessions/${session.id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", `Session of ${session.username} revoked`);
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
      title={`Revoke this session of ${session.username}?`}
      confirmLabel={revoke.isPending ? "Revoking…" : "Revoke session"}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
    >
      {session.current
        ? "This is your own session: you will be signed out here."
        : `That browser is signed out at once${session.ip ? ` (${session.ip})` : ""}. The user can sign in again unless you also disable them on the Users page.`}
      {revoke.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {revoke.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}

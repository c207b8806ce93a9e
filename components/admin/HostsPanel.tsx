"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import type { HostSummary } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { HostAddForm } from "./hosts/HostAddForm";
import { HostRemoveDialog } from "./hosts/HostRemoveDialog";
import { HostTable } from "./hosts/HostTable";
import { useFleetWide } from "./ScopeFields";

export function HostsPanel() {
  const t = useTranslations("admin.hosts");
  return (
    <AdminGate title={t("title")}>
      <HostsView />
    </AdminGate>
  );
}

function HostsView() {
  const hosts = useHostsQuery();
  const [deleting, setDeleting] = useState<HostSummary>();
  const fleetWide = useFleetWide();
  const t = useTranslations("admin");
  const errorLine = useErrorLine();
  const items = hosts.data?.items ?? [];
  const up = items.filter((h) => h.status === "up").length;
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title={t("hosts.title")}
        sub={hosts.data ? t("hosts.sub", { count: items.length, up }) : t("hosts.subIdle")}
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title={t("hosts.title")} aside={t("hosts.listAside")}>
          {hosts.isPending ? (
            <StatePanel tone="loading" title={t("hosts.loading")} />
          ) : hosts.error ? (
            <StatePanel tone="error" title={t("hosts.loadFailed")}>
              {errorLine(hosts.error)}. {t("reloadHint")}
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title={t("hosts.empty")}>{t("hosts.emptyHint")}</StatePanel>
          ) : (
            <HostTable hosts={items} fleetWide={fleetWide} onRemove={setDeleting} />
          )}
        </Section>
        <Section title={t("hosts.add")} testId="host-create" aside={t("hosts.addAside")}>
          {fleetWide ? (
            <HostAddForm taken={new Set(items.map((h) => h.id))} />
          ) : (
            <p className="p-3 text-muted" data-testid="fleet-only">
              {t("scope.fleetOnly")}
            </p>
          )}
        </Section>
      </div>
      {deleting && <HostRemoveDialog host={deleting} onClose={() => setDeleting(undefined)} />}
    </div>
  );
}

"use client";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { StatePanel } from "@/components/ui/StatePanel";
import type { HostSummary } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { HostAddForm } from "./hosts/HostAddForm";
import { HostRemoveDialog } from "./hosts/HostRemoveDialog";
import { HostTable } from "./hosts/HostTable";
import { FLEET_ONLY_NOTE, useFleetWide } from "./ScopeFields";

export function HostsPanel() {
  return (
    <AdminGate title="Hosts">
      <HostsView />
    </AdminGate>
  );
}

function HostsView() {
  const hosts = useHostsQuery();
  const [deleting, setDeleting] = useState<HostSummary>();
  const fleetWide = useFleetWide();
  const items = hosts.data?.items ?? [];
  const up = items.filter((h) => h.status === "up").length;
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Hosts"
        sub={hosts.data ? `${items.length} hosts · ${up} up` : "the Docker engines Wharf manages"}
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <Section
          title="Hosts"
          aside="Hosts from WHARF_HOSTS change only in that file; hosts added here are stored in Wharf's database."
        >
          {hosts.isPending ? (
            <StatePanel tone="loading" title="Loading hosts…" />
          ) : hosts.error ? (
            <StatePanel tone="error" title="Could not list hosts">
              {hosts.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No hosts yet">
              Add one below, or list your engines in WHARF_HOSTS and restart Wharf.
            </StatePanel>
          ) : (
            <HostTable hosts={items} fleetWide={fleetWide} onRemove={setDeleting} />
          )}
        </Section>
        <Section
          title="Add a host"
          testId="host-create"
          aside="TLS and SSH material is stored encrypted and never shown again."
        >
          {fleetWide ? (
            <HostAddForm taken={new Set(items.map((h) => h.id))} />
          ) : (
            <p className="p-3 text-muted" data-testid="fleet-only">
              {FLEET_ONLY_NOTE}
            </p>
          )}
        </Section>
      </div>
      {deleting && <HostRemoveDialog host={deleting} onClose={() => setDeleting(undefined)} />}
    </div>
  );
}

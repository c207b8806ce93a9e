"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { useContainersQuery } from "@/components/hooks/queries";
import { Field, FormDialog, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import type { NetworkSummary } from "@/lib/networks";
import { useConnectNetwork } from "./queries";

/** Attach one of the host's containers to a network, with optional DNS aliases. */
export function ConnectDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const toast = useToast();
  const containers = useContainersQuery(network.hostId);
  const connect = useConnectNetwork();
  const attached = new Set(network.containers.map((c) => c.containerId));
  const choices = (containers.data?.items ?? []).filter((c) => !attached.has(c.id));
  const [container, setContainer] = useState("");
  const [aliases, setAliases] = useState("");
  const [error, setError] = useState<string>();
  return (
    <FormDialog
      open
      title={`Connect a container to ${network.name}`}
      submitLabel="Connect"
      busy={connect.isPending}
      error={error}
      onCancel={onClose}
      onSubmit={() => {
        if (!container) return setError("container: pick a container");
        const list = aliases.split(/[\s,]+/).filter(Boolean);
        setError(undefined);
        connect.mutate(
          { hostId: network.hostId, id: network.id, container, aliases: list },
          {
            onSuccess: () => {
              toast("ok", `Connected to ${network.name}`);
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Field label="Container">
        <select
          name="container"
          className={inputClass}
          value={container}
          aria-invalid={(!!error && !container) || undefined}
          onChange={(e) => setContainer(e.target.value)}
        >
          <option value="">{containers.isPending ? "loading…" : "pick a container"}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.state})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Aliases" hint="Space- or comma-separated DNS names on this network; optional.">
        <input
          name="aliases"
          className={`${inputClass} font-mono text-xs`}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </Field>
      <p className="text-[11px] text-muted">
        A container on <code>none</code> or <code>host</code> networking cannot join a user network: the
        engine refuses, and says so here.
      </p>
    </FormDialog>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useContainersQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Field, FormDialog, inputClass } from "@/components/ui/Form";
import { useStateText } from "@/components/ui/StateBadge";
import { useToast } from "@/components/ui/Toasts";
import type { NetworkSummary } from "@/lib/networks";
import { useConnectNetwork } from "./queries";

/** Attach one of the host's containers to a network, with optional DNS aliases. */
export function ConnectDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("networks");
  const errorLine = useErrorLine();
  const stateText = useStateText();
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
      title={t("connectTo", { name: network.name })}
      submitLabel={t("connect.submit")}
      busy={connect.isPending}
      error={error}
      onCancel={onClose}
      onSubmit={() => {
        if (!container) return setError(t("connect.pick"));
        const list = aliases.split(/[\s,]+/).filter(Boolean);
        setError(undefined);
        connect.mutate(
          { hostId: network.hostId, id: network.id, container, aliases: list },
          {
            onSuccess: () => {
              toast("ok", t("connect.connected", { name: network.name }));
              onClose();
            },
            onError: (e) => setError(errorLine(e)),
          },
        );
      }}
    >
      <Field label={t("connect.container")}>
        <select
          name="container"
          className={inputClass}
          value={container}
          aria-invalid={(!!error && !container) || undefined}
          onChange={(e) => setContainer(e.target.value)}
        >
          <option value="">{containers.isPending ? t("connect.loading") : t("connect.placeholder")}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {t("connect.option", { name: c.name, state: stateText(c.state) })}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("connect.aliases")} hint={t("connect.aliasesHint")}>
        <input
          name="aliases"
          className={`${inputClass} font-mono text-xs`}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
        />
      </Field>
      <p className="text-[11px] text-muted">{t.rich("connect.note", { code: (c) => <code>{c}</code> })}</p>
    </FormDialog>
  );
}

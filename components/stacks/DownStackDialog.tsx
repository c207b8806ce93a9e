"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

/** Bring a stack down: its containers and networks go, its files stay; volumes only when ticked. */
export function DownStackDialog({
  name,
  hostId,
  onConfirm,
  onCancel,
}: {
  name: string;
  hostId: string;
  onConfirm: (volumes: boolean) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("stacks.down");
  const [volumes, setVolumes] = useState(false);
  return (
    <ConfirmDialog
      open
      title={t("title", { name })}
      confirmLabel={volumes ? t("confirmVolumes") : t("confirm")}
      onConfirm={() => onConfirm(volumes)}
      onCancel={onCancel}
    >
      <p className="mb-2">{t("body", { host: hostId })}</p>
      <label className="flex items-start gap-2 text-fg">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={volumes}
          onChange={(e) => setVolumes(e.target.checked)}
          data-testid="down-volumes"
        />
        <span>
          {t("volumes")}
          <span className="block text-[11px] text-muted">{t("volumesHint")}</span>
        </span>
      </label>
    </ConfirmDialog>
  );
}

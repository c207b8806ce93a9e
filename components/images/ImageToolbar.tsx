"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useCan } from "@/components/hooks/useCan";
import { Button } from "@/components/ui/Button";
import { BuildDialog } from "./BuildDialog";
import { ImportDialog } from "./ImportDialog";
import { PruneDialog } from "./PruneDialog";
import { PullDialog } from "./PullDialog";
import { useCheckUpdates } from "./useCheckUpdates";

type Open = "pull" | "build" | "import" | "prune" | undefined;

/** The list page's actions; every one opens a dialog that works on the page's host or lets you pick. */
export function ImageToolbar({
  hostId,
  onHub,
  hubOpen,
}: {
  hostId?: string;
  onHub: () => void;
  hubOpen: boolean;
}) {
  const canOperate = useCan("operate");
  const t = useTranslations("images");
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);
  const hosts = useHostsQuery();
  const check = useCheckUpdates();
  const inView = hostId
    ? [hostId]
    : (hosts.data?.items ?? []).filter((h) => h.status === "up").map((h) => h.id);
  return (
    <div className="flex items-center gap-1.5">
      <Button
        size="sm"
        disabled={check.isPending || inView.length === 0}
        onClick={() => check.mutate(inView)}
        title={t("toolbar.checkHint")}
        data-testid="check-updates"
      >
        {check.isPending ? t("toolbar.checking") : t("toolbar.check")}
      </Button>
      <Button size="sm" onClick={onHub} aria-pressed={hubOpen} data-testid="hub-toggle">
        {t("toolbar.hub")}
      </Button>
      {canOperate && (
        <>
          <Button size="sm" variant="primary" onClick={() => setOpen("pull")} data-testid="open-pull">
            {t("actions.pull")}
          </Button>
          <Button size="sm" onClick={() => setOpen("build")} data-testid="open-build">
            {t("actions.build")}
          </Button>
          <Button size="sm" onClick={() => setOpen("import")} data-testid="open-import">
            {t("actions.import")}
          </Button>
          <Button size="sm" variant="danger" onClick={() => setOpen("prune")} data-testid="open-prune">
            {t("actions.prune")}
          </Button>
        </>
      )}
      <PullDialog open={open === "pull"} onClose={close} preset={{ hosts: hostId ? [hostId] : [] }} />
      <BuildDialog open={open === "build"} onClose={close} hostId={hostId} />
      <ImportDialog open={open === "import"} onClose={close} hostId={hostId} />
      <PruneDialog open={open === "prune"} onClose={close} hostId={hostId} />
    </div>
  );
}

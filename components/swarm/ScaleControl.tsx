"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import type { SwarmService } from "@/lib/swarm/types";
import { useScaleService } from "./queries";

/** The replica count inline: type a number, apply; the engine's refusal is said in a toast. */
export function ScaleControl({ hostId, service }: { hostId: string; service: SwarmService }) {
  const t = useTranslations("swarm.scale");
  const toast = useToast();
  const errorLine = useErrorLine();
  const scale = useScaleService(hostId);
  const [value, setValue] = useState(String(service.replicas));
  const n = Number(value);
  const valid = value.trim() !== "" && Number.isInteger(n) && n >= 0;
  const changed = valid && n !== service.replicas;
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed) return;
        scale.mutate(
          { id: service.id, replicas: n },
          {
            onSuccess: () => toast("ok", t("done", { name: service.name, replicas: n })),
            onError: (err) => toast("error", t("failed", { name: service.name }), errorLine(err)),
          },
        );
      }}
    >
      <input
        type="number"
        min={0}
        className={`${inputClass} w-14 font-mono text-xs`}
        value={value}
        aria-label={t("label", { name: service.name })}
        aria-invalid={!valid || undefined}
        onChange={(e) => setValue(e.target.value)}
        data-testid="scale-input"
      />
      <Button size="sm" type="submit" disabled={!changed || scale.isPending} data-testid="scale-apply">
        {t("apply")}
      </Button>
    </form>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { stackHref } from "@/components/stacks/queries";
import { IntentLink } from "@/components/ui/IntentLink";

/** A container's stack beside its name, linked to the stack's page. */
export function StackChip({ hostId, name, service }: { hostId: string; name: string; service?: string }) {
  const t = useTranslations("containers.table");
  return (
    <IntentLink
      href={stackHref({ hostId, name })}
      className="ml-1.5 max-w-[8rem] min-w-[2.5rem] shrink-[4] truncate rounded border border-line px-1 text-[11px] text-muted hover:border-accent hover:text-accent"
      title={service ? t("stackOfService", { name, service }) : t("stackOf", { name })}
      data-testid="stack-chip"
    >
      {name}
    </IntentLink>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useScopeText } from "@/components/i18n/useScopeText";
import { Button } from "@/components/ui/Button";
import type { TokenRecord } from "@/lib/types";
import { RoleBadge, td } from "../bits";

/** One token; `now` is passed in so every row's "last used" ages on the same tick. */
export function TokenRow({
  token: t,
  now,
  onRevoke,
}: {
  token: TokenRecord;
  now: number;
  onRevoke: (t: TokenRecord) => void;
}) {
  const tr = useTranslations("admin");
  const fmt = useFormat();
  const scopeText = useScopeText();
  return (
    <tr className="border-b border-line/60 hover:bg-panel-2" data-testid={`token-${t.name}`}>
      <td className={`${td} font-medium`}>{t.name}</td>
      <td className={td}>
        <RoleBadge role={t.role} />
      </td>
      <td className={td}>{scopeText(t)}</td>
      <td className={`${td} whitespace-nowrap text-muted`}>
        {tr("tokens.createdBy", { time: fmt.dateTime(t.createdAt), user: t.createdBy })}
      </td>
      <td
        className={`${td} whitespace-nowrap text-muted`}
        title={t.lastUsedAt ? fmt.dateTime(t.lastUsedAt) : undefined}
      >
        {t.lastUsedAt ? tr("ago", { age: fmt.age(t.lastUsedAt, now) }) : tr("tokens.never")}
      </td>
      <td className={`${td} text-right`}>
        <Button size="sm" variant="danger" onClick={() => onRevoke(t)}>
          {tr("revoke")}
        </Button>
      </td>
    </tr>
  );
}

"use client";
import { Button } from "@/components/ui/Button";
import { formatAge } from "@/lib/format";
import { describeScope } from "@/lib/permissions";
import type { TokenRecord } from "@/lib/types";
import { formatLocal, RoleBadge, td } from "../bits";

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
  return (
    <tr className="border-b border-line/60 hover:bg-panel-2" data-testid={`token-${t.name}`}>
      <td className={`${td} font-medium`}>{t.name}</td>
      <td className={td}>
        <RoleBadge role={t.role} />
      </td>
      <td className={td}>{describeScope(t)}</td>
      <td className={`${td} whitespace-nowrap text-muted`}>
        {formatLocal(t.createdAt)} by {t.createdBy}
      </td>
      <td
        className={`${td} whitespace-nowrap text-muted`}
        title={t.lastUsedAt ? formatLocal(t.lastUsedAt) : undefined}
      >
        {t.lastUsedAt ? `${formatAge(t.lastUsedAt, now)} ago` : "never"}
      </td>
      <td className={`${td} text-right`}>
        <Button size="sm" variant="danger" onClick={() => onRevoke(t)}>
          Revoke
        </Button>
      </td>
    </tr>
  );
}

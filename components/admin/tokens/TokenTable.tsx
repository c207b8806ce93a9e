"use client";
import { useTranslations } from "next-intl";
import type { TokenRecord } from "@/lib/types";
import { th } from "../bits";
import { TokenRow } from "./TokenRow";

export function TokenTable({
  tokens,
  now,
  onRevoke,
}: {
  tokens: TokenRecord[];
  now: number;
  onRevoke: (t: TokenRecord) => void;
}) {
  const t = useTranslations("admin.col");
  return (
    <table className="w-full border-collapse" data-testid="token-table">
      <thead className="border-b border-line text-muted">
        <tr>
          <th className={th}>{t("name")}</th>
          <th className={th}>{t("role")}</th>
          <th className={th}>{t("scope")}</th>
          <th className={th}>{t("created")}</th>
          <th className={th}>{t("lastUsed")}</th>
          <th className={th} />
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <TokenRow key={t.id} token={t} now={now} onRevoke={onRevoke} />
        ))}
      </tbody>
    </table>
  );
}

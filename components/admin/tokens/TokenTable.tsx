"use client";
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
  return (
    <table className="w-full border-collapse" data-testid="token-table">
      <thead className="border-b border-line text-muted">
        <tr>
          <th className={th}>Name</th>
          <th className={th}>Role</th>
          <th className={th}>Scope</th>
          <th className={th}>Created</th>
          <th className={th}>Last used</th>
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

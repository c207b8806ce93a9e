"use client";
import { useTranslations } from "next-intl";
import type { UserRecord } from "@/lib/types";
import { th } from "../bits";
import type { UserDialogState } from "./UserDialogs";
import { UserRow } from "./UserRow";

export function UserTable({
  users,
  selfId,
  onDialog,
}: {
  users: UserRecord[];
  selfId: UserRecord["id"] | undefined;
  onDialog: (d: UserDialogState) => void;
}) {
  const t = useTranslations("admin.col");
  return (
    <table className="w-full border-collapse" data-testid="user-table">
      <thead className="border-b border-line text-muted">
        <tr>
          <th className={th}>{t("username")}</th>
          <th className={th}>{t("role")}</th>
          <th className={th}>{t("scope")}</th>
          <th className={th}>{t("state")}</th>
          <th className={th}>{t("created")}</th>
          <th className={th} />
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserRow key={u.id} user={u} self={selfId === u.id} onDialog={onDialog} />
        ))}
      </tbody>
    </table>
  );
}

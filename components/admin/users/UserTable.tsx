"use client";
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
  return (
    <table className="w-full border-collapse" data-testid="user-table">
      <thead className="border-b border-line text-muted">
        <tr>
          <th className={th}>Username</th>
          <th className={th}>Role</th>
          <th className={th}>Scope</th>
          <th className={th}>State</th>
          <th className={th}>Created</th>
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

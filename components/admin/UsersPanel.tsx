"use client";
import { useState } from "react";
import { useMeQuery } from "@/components/hooks/queries";
import { StatePanel } from "@/components/ui/StatePanel";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { useUsersQuery } from "./queries";
import { UserCreateForm } from "./users/UserCreateForm";
import { UserDialog, type UserDialogState } from "./users/UserDialogs";
import { UserTable } from "./users/UserTable";

export function UsersPanel() {
  return (
    <AdminGate title="Users">
      <UsersView />
    </AdminGate>
  );
}

function UsersView() {
  const users = useUsersQuery();
  const me = useMeQuery();
  const [dialog, setDialog] = useState<UserDialogState>(null);
  const items = users.data?.items ?? [];
  const admins = items.filter((u) => u.role === "admin" && !u.disabled).length;
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Users"
        sub={
          users.data
            ? `${items.length} users · ${admins} enabled admins`
            : "who may sign in, with which role and scope"
        }
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title="New user" testId="user-create" aside="Role and scope can be changed later.">
          <UserCreateForm />
        </Section>
        <Section
          title="Users"
          aside="Role and scope apply from the user's next request; disabling or resetting a password signs them out."
        >
          {users.isPending ? (
            <StatePanel tone="loading" title="Loading users…" />
          ) : users.error ? (
            <StatePanel tone="error" title="Could not list users">
              {users.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No users yet">Create one above.</StatePanel>
          ) : (
            <UserTable users={items} selfId={me.data?.user.id} onDialog={setDialog} />
          )}
        </Section>
      </div>
      <UserDialog dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}

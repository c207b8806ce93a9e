"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMeQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { useUsersQuery } from "./queries";
import { UserCreateForm } from "./users/UserCreateForm";
import { UserDialog, type UserDialogState } from "./users/UserDialogs";
import { UserTable } from "./users/UserTable";

export function UsersPanel() {
  const t = useTranslations("admin.users");
  return (
    <AdminGate title={t("title")}>
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
  const t = useTranslations("admin");
  const errorLine = useErrorLine();
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title={t("users.title")}
        sub={users.data ? t("users.sub", { count: items.length, admins }) : t("users.subIdle")}
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title={t("users.new")} testId="user-create" aside={t("users.newAside")}>
          <UserCreateForm />
        </Section>
        <Section title={t("users.list")} aside={t("users.listAside")}>
          {users.isPending ? (
            <StatePanel tone="loading" title={t("users.loading")} />
          ) : users.error ? (
            <StatePanel tone="error" title={t("users.loadFailed")}>
              {errorLine(users.error)}. {t("reloadHint")}
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title={t("users.empty")}>{t("users.emptyHint")}</StatePanel>
          ) : (
            <UserTable users={items} selfId={me.data?.user.id} onDialog={setDialog} />
          )}
        </Section>
      </div>
      <UserDialog dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}

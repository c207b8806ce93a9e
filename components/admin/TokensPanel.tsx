"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useNow } from "@/components/hooks/useNow";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import type { TokenRecord } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { useTokensQuery } from "./queries";
import { NewTokenNotice } from "./tokens/NewTokenNotice";
import { TokenCreateForm } from "./tokens/TokenCreateForm";
import { TokenRevokeDialog } from "./tokens/TokenRevokeDialog";
import { TokenTable } from "./tokens/TokenTable";
import type { CreatedToken } from "./tokens/useTokenMutations";

/** How a script sends its token: an HTTP header, the same in every language. */
const BEARER = "Authorization: Bearer <token>";

export function TokensPanel() {
  const t = useTranslations("admin.tokens");
  return (
    <AdminGate title={t("title")}>
      <TokensView />
    </AdminGate>
  );
}

function TokensView() {
  const tokens = useTokensQuery();
  const [created, setCreated] = useState<CreatedToken>();
  const [revoking, setRevoking] = useState<TokenRecord>();
  const items = tokens.data?.items ?? [];
  const now = useNow(30_000);
  const t = useTranslations("admin");
  const errorLine = useErrorLine();
  return (
    <div className="flex h-full flex-col">
      <PageHeader title={t("tokens.title")} sub={t("tokens.sub", { header: BEARER })} />
      <div className="min-h-0 flex-1 overflow-auto">
        {created && <NewTokenNotice created={created} onDone={() => setCreated(undefined)} />}
        <Section title={t("tokens.new")} testId="token-create" aside={t("tokens.newAside")}>
          <TokenCreateForm onCreated={setCreated} />
        </Section>
        <Section title={t("tokens.list")}>
          {tokens.isPending ? (
            <StatePanel tone="loading" title={t("tokens.loading")} />
          ) : tokens.error ? (
            <StatePanel tone="error" title={t("tokens.loadFailed")}>
              {errorLine(tokens.error)}. {t("reloadHint")}
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title={t("tokens.empty")}>{t("tokens.emptyHint")}</StatePanel>
          ) : (
            <TokenTable tokens={items} now={now} onRevoke={setRevoking} />
          )}
        </Section>
      </div>
      {revoking && <TokenRevokeDialog token={revoking} onClose={() => setRevoking(undefined)} />}
    </div>
  );
}

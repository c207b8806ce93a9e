"use client";
import { useState } from "react";
import { useNow } from "@/components/hooks/useNow";
import { StatePanel } from "@/components/ui/StatePanel";
import type { TokenRecord } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { useTokensQuery } from "./queries";
import { NewTokenNotice } from "./tokens/NewTokenNotice";
import { TokenCreateForm } from "./tokens/TokenCreateForm";
import { TokenRevokeDialog } from "./tokens/TokenRevokeDialog";
import { TokenTable } from "./tokens/TokenTable";
import type { CreatedToken } from "./tokens/useTokenMutations";

export function TokensPanel() {
  return (
    <AdminGate title="API tokens">
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
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="API tokens" sub="for scripts and CI: send it as Authorization: Bearer <token>" />
      <div className="min-h-0 flex-1 overflow-auto">
        {created && <NewTokenNotice created={created} onDone={() => setCreated(undefined)} />}
        <Section
          title="New token"
          testId="token-create"
          aside="A token acts with its own role and scope, not its creator's."
        >
          <TokenCreateForm onCreated={setCreated} />
        </Section>
        <Section title="Tokens">
          {tokens.isPending ? (
            <StatePanel tone="loading" title="Loading tokens…" />
          ) : tokens.error ? (
            <StatePanel tone="error" title="Could not list tokens">
              {tokens.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No API tokens">
              Create one above for a script or a CI job; give it the smallest role and scope it needs.
            </StatePanel>
          ) : (
            <TokenTable tokens={items} now={now} onRevoke={setRevoking} />
          )}
        </Section>
      </div>
      {revoking && <TokenRevokeDialog token={revoking} onClose={() => setRevoking(undefined)} />}
    </div>
  );
}

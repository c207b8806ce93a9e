"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import { stackHref, useStackQuery } from "./queries";
import { StackEditorForm } from "./StackEditorForm";
import { useStackLiveUpdates } from "./useStackLiveUpdates";

function EditorHeader({ hostId, name }: { hostId?: string; name?: string }) {
  const t = useTranslations("stacks.editor");
  return (
    <header className="border-b border-line bg-panel px-3 py-2">
      <div className="mb-1 text-[11px] text-muted">
        <Link href="/stacks" className="hover:underline">
          {t("crumb")}
        </Link>
        {hostId && name && (
          <>
            {" / "}
            <Link href={stackHref({ hostId, name })} className="hover:underline">
              {hostId} / {name}
            </Link>
          </>
        )}
      </div>
      <h1 className="text-base font-semibold">{name ? t("editTitle", { name }) : t("newTitle")}</h1>
    </header>
  );
}

/** The editor page: a new stack, or a new revision of a stack Wharf keeps the files of. */
export function StackEditorPanel({ hostId, name }: { hostId?: string; name?: string }) {
  useStackLiveUpdates();
  const canOperate = useCan("operate");
  const editing = hostId !== undefined && name !== undefined;
  const q = useStackQuery(hostId ?? "", name ?? "", editing);
  const t = useTranslations("stacks.editor");
  const errorLine = useErrorLine();
  let body;
  if (!editing) body = <StackEditorForm canOperate={canOperate} />;
  else if (q.isPending) body = <StatePanel tone="loading" title={t("loadingStack", { name })} />;
  else if (q.error)
    body = (
      <StatePanel tone="error" title={t("cannotEdit", { name, hostId })}>
        {errorLine(q.error)}
      </StatePanel>
    );
  else if (!q.data.current) body = <StatePanel title={t("noFile", { name })}>{t("noFileHint")}</StatePanel>;
  else {
    const c = q.data.current;
    body = (
      // The form takes the revision once: a save here makes a newer current, which must not reset it.
      <StackEditorForm
        canOperate={canOperate}
        saved={{ hostId, name, revision: c.revision, compose: c.compose, env: c.env }}
      />
    );
  }
  return (
    <div className="flex flex-col">
      <EditorHeader hostId={hostId} name={name} />
      {body}
    </div>
  );
}

"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

function EditorLoading() {
  const t = useTranslations("stacks.editor");
  return (
    <div
      className="flex h-full items-center justify-center rounded border border-line bg-bg text-muted"
      data-testid="editor-loading"
    >
      {t("loading")}
    </div>
  );
}

/**
 * The editor, fetched only when a stack editor page renders it: CodeMirror stays out of every
 * other page's first load.
 */
export const LazyComposeEditor = dynamic(() => import("./ComposeEditor").then((m) => m.ComposeEditor), {
  ssr: false,
  loading: () => <EditorLoading />,
});

"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { EditorJump, EditorMark } from "./ComposeEditor";
import type { StackIssue } from "./compose-issues";
import { LazyComposeEditor } from "./LazyComposeEditor";

const marksOf = (issues: StackIssue[], file: "compose" | "env"): EditorMark[] =>
  issues.flatMap((i) =>
    i.file === file && i.line !== undefined ? [{ line: i.line, col: i.col, message: i.message }] : [],
  );

/** The compose file and its `.env` side by side, each with the server's findings marked at their line. */
export function StackTextEditors({
  compose,
  env,
  onCompose,
  onEnv,
  issues,
  jump,
  readOnly,
}: {
  compose: string;
  env: string;
  onCompose: (text: string) => void;
  onEnv: (text: string) => void;
  issues: StackIssue[];
  jump: { compose?: EditorJump; env?: EditorJump };
  readOnly: boolean;
}) {
  const t = useTranslations("stacks.editor");
  const composeMarks = useMemo(() => marksOf(issues, "compose"), [issues]);
  const envMarks = useMemo(() => marksOf(issues, "env"), [issues]);
  return (
    <div className="grid h-[26rem] grid-cols-[minmax(0,3fr)_minmax(14rem,1fr)] gap-3">
      <EditorPane
        title={t("composeFile")}
        hint={t("composeHint")}
        value={compose}
        onChange={onCompose}
        language="yaml"
        marks={composeMarks}
        jump={jump.compose}
        readOnly={readOnly}
        testId="compose-editor"
      />
      <EditorPane
        title={t("envFile")}
        hint={t("envHint")}
        value={env}
        onChange={onEnv}
        language="env"
        marks={envMarks}
        jump={jump.env}
        readOnly={readOnly}
        testId="env-editor"
      />
    </div>
  );
}

/** One file's editor under its name and a hint. */
function EditorPane({
  title,
  hint,
  ...editor
}: {
  title: string;
  hint: string;
  value: string;
  onChange: (text: string) => void;
  language: "yaml" | "env";
  marks: EditorMark[];
  jump: EditorJump | undefined;
  readOnly: boolean;
  testId: string;
}) {
  return (
    <div className="flex min-h-0 flex-col gap-1">
      <div className="flex items-baseline gap-2">
        <span className="font-medium">{title}</span>
        <span className="text-[11px] text-muted">{hint}</span>
      </div>
      <div className="min-h-0 flex-1">
        <LazyComposeEditor {...editor} label={title} />
      </div>
    </div>
  );
}

"use client";
import { StreamLanguage, syntaxHighlighting, type StreamParser } from "@codemirror/language";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { codeHighlight, codeTheme } from "@/components/ui/code-theme";
import type { PreviewLanguage } from "./preview-language";

/** Each syntax's parser, loaded only when a preview needs it. */
const LOADERS: Record<Exclude<PreviewLanguage, "plain" | "yaml">, () => Promise<StreamParser<unknown>>> = {
  json: async () => (await import("@codemirror/legacy-modes/mode/javascript")).json,
  javascript: async () => (await import("@codemirror/legacy-modes/mode/javascript")).javascript,
  shell: async () => (await import("@codemirror/legacy-modes/mode/shell")).shell,
  properties: async () => (await import("@codemirror/legacy-modes/mode/properties")).properties,
  toml: async () => (await import("@codemirror/legacy-modes/mode/toml")).toml,
  nginx: async () => (await import("@codemirror/legacy-modes/mode/nginx")).nginx,
  dockerfile: async () => (await import("@codemirror/legacy-modes/mode/dockerfile")).dockerFile,
  python: async () => (await import("@codemirror/legacy-modes/mode/python")).python,
  xml: async () => (await import("@codemirror/legacy-modes/mode/xml")).xml,
  css: async () => (await import("@codemirror/legacy-modes/mode/css")).css,
  sql: async () => (await import("@codemirror/legacy-modes/mode/sql")).standardSQL,
  diff: async () => (await import("@codemirror/legacy-modes/mode/diff")).diff,
};

async function languageOf(lang: PreviewLanguage): Promise<Extension[]> {
  if (lang === "plain") return [];
  if (lang === "yaml") return [(await import("@codemirror/lang-yaml")).yaml()];
  return [StreamLanguage.define(await LOADERS[lang]())];
}

/** A read-only view of a text file's first bytes, highlighted as its name says, with line numbers. */
export default function CodeView({
  text,
  language,
  label,
}: {
  text: string;
  language: PreviewLanguage;
  label: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let view: EditorView | undefined;
    let gone = false;
    void languageOf(language).then((lang) => {
      if (gone || !parent.current) return;
      view = new EditorView({
        parent: parent.current,
        state: EditorState.create({
          doc: text,
          extensions: [
            lineNumbers(),
            codeTheme,
            syntaxHighlighting(codeHighlight),
            EditorState.readOnly.of(true),
            EditorView.editable.of(false),
            EditorView.lineWrapping,
            EditorView.contentAttributes.of({ "aria-label": label }),
            ...lang,
          ],
        }),
      });
    });
    return () => {
      gone = true;
      view?.destroy();
    };
  }, [text, language, label]);
  return (
    <div
      ref={parent}
      className="h-full min-h-0 overflow-auto"
      data-testid="file-preview-text"
      data-language={language}
    />
  );
}

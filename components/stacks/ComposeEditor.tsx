"use client";
import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorSelection } from "@codemirror/state";
import { EditorView } from "codemirror";
import { useEffect, useLayoutEffect, useRef } from "react";
import { issueRange } from "./compose-issues";
import { editorExtensions } from "./editor-setup";

/** A finding to mark in the text, at its 1-based line and column. */
export interface EditorMark {
  line: number;
  col?: number;
  message: string;
}

/** A request to put the cursor on a line; a new `n` moves it again to the same place. */
export interface EditorJump {
  line: number;
  col?: number;
  n: number;
}

/**
 * A CodeMirror 6 editor for a compose file (YAML, with compose key completion) or its `.env`. The
 * server's findings show in the text and the gutter; the text is the parent's, and a new value from
 * outside replaces the document.
 */
export function ComposeEditor({
  value,
  onChange,
  language,
  label,
  marks,
  jump,
  readOnly = false,
  testId,
}: {
  value: string;
  onChange: (text: string) => void;
  language: "yaml" | "env";
  label: string;
  marks: EditorMark[];
  jump?: EditorJump;
  readOnly?: boolean;
  testId?: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const change = useRef(onChange);
  useLayoutEffect(() => {
    change.current = onChange;
  });

  // One view for the component's life; its setup is fixed when it mounts.
  useEffect(() => {
    if (!parent.current) return;
    const v = new EditorView({
      parent: parent.current,
      doc: value,
      extensions: editorExtensions({ language, label, readOnly, onChange: (text) => change.current(text) }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const text = v.state.doc.toString();
    const diagnostics: Diagnostic[] = marks.map((m) => ({
      ...issueRange(text, m.line, m.col),
      severity: "error",
      message: m.message,
    }));
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [marks]);

  useEffect(() => {
    const v = view.current;
    if (!v || !jump) return;
    const { from } = issueRange(v.state.doc.toString(), jump.line, jump.col);
    v.dispatch({
      selection: EditorSelection.cursor(from),
      effects: EditorView.scrollIntoView(from, { y: "center" }),
    });
    v.focus();
  }, [jump]);

  return (
    <div
      ref={parent}
      className="h-full min-h-0 overflow-hidden rounded border border-line focus-within:border-accent"
      data-testid={testId}
    />
  );
}

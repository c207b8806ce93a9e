/**
 * The CodeMirror setup of the stack editor. Only ComposeEditor imports this, and only the stack
 * editor's pages load ComposeEditor (dynamically), so no other page carries CodeMirror.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter } from "@codemirror/lint";
import { EditorState, type Extension } from "@codemirror/state";
import { tags } from "@lezer/highlight";
import { basicSetup, EditorView } from "codemirror";
import { keysAt, valuesAt } from "./compose-keys";

/** Colours from the page's theme variables, so light and dark follow the theme toggle. */
const theme = EditorView.theme({
  "&": {
    backgroundColor: "var(--bg)",
    color: "var(--text)",
    fontSize: "12px",
    height: "100%",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  ".cm-gutters": {
    backgroundColor: "var(--panel)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--panel-2) 70%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--panel-2)", color: "var(--text)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "color-mix(in srgb, var(--accent) 28%, transparent)" },
  ".cm-selectionMatch": { backgroundColor: "color-mix(in srgb, var(--accent) 14%, transparent)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "color-mix(in srgb, var(--ok) 25%, transparent)" },
  ".cm-foldPlaceholder": {
    backgroundColor: "var(--panel-2)",
    border: "1px solid var(--border)",
    color: "var(--muted)",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--panel)",
    color: "var(--text)",
    border: "1px solid var(--border)",
    borderRadius: "4px",
  },
  ".cm-tooltip-autocomplete > ul > li": { padding: "1px 6px" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--accent)", color: "#fff" },
  ".cm-completionIcon": { display: "none" },
  ".cm-diagnostic": { padding: "3px 6px" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--bad)" },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--bad)",
    textUnderlineOffset: "3px",
  },
  ".cm-panels": { backgroundColor: "var(--panel)", color: "var(--text)" },
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--border)" },
  ".cm-searchMatch": { backgroundColor: "color-mix(in srgb, var(--warn) 30%, transparent)" },
  ".cm-textfield, .cm-button": {
    backgroundColor: "var(--bg)",
    color: "var(--text)",
    border: "1px solid var(--border)",
    backgroundImage: "none",
  },
});

const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: "var(--accent)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--ok)" },
  { tag: tags.content, color: "var(--text)" },
  { tag: [tags.labelName, tags.typeName], color: "var(--info)", fontStyle: "italic" },
  { tag: [tags.keyword, tags.meta], color: "var(--warn)" },
  { tag: tags.lineComment, color: "var(--muted)", fontStyle: "italic" },
  { tag: tags.separator, color: "var(--muted)" },
]);

/**
 * Compose keys of the level the cursor is at, from the supported-key table; after `key: `, the
 * values that key takes where they are few.
 */
function composeKeys(ctx: CompletionContext): CompletionResult | null {
  const text = ctx.state.doc.toString();
  const value = valuesAt(text, ctx.pos);
  if (value) {
    if (value.from === ctx.pos && !ctx.explicit) return null;
    return {
      from: value.from,
      options: value.values.map((v) => ({ label: v, type: "constant" })),
      validFor: /^[\w:.-]*$/,
    };
  }
  const at = keysAt(text, ctx.pos);
  if (!at || (at.from === ctx.pos && !ctx.explicit)) return null;
  return {
    from: at.from,
    options: at.keys.map((k) => ({ label: k, type: "property", apply: `${k}: ` })),
    validFor: /^[\w.-]*$/,
  };
}

export interface EditorOptions {
  language: "yaml" | "env";
  /** The editable area's accessible name. */
  label: string;
  readOnly: boolean;
  onChange: (text: string) => void;
}

export function editorExtensions({ language, label, readOnly, onChange }: EditorOptions): Extension[] {
  return [
    basicSetup,
    theme,
    syntaxHighlighting(highlight),
    lintGutter(),
    EditorState.tabSize.of(2),
    EditorView.contentAttributes.of({ "aria-label": label }),
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    ...(language === "yaml" ? [yaml(), autocompletion({ override: [composeKeys] })] : []),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) onChange(u.state.doc.toString());
    }),
  ];
}

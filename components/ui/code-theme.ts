/**
 * The colours of CodeMirror views (the stack editor, the file preview) from the page's theme
 * variables, so light and dark follow the theme toggle. Only dynamically loaded views import this.
 */
import { HighlightStyle } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { EditorView } from "codemirror";

export const codeTheme = EditorView.theme({
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

export const codeHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: "var(--accent)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--ok)" },
  { tag: tags.content, color: "var(--text)" },
  { tag: [tags.labelName, tags.typeName], color: "var(--info)", fontStyle: "italic" },
  { tag: [tags.keyword, tags.meta], color: "var(--warn)" },
  { tag: tags.lineComment, color: "var(--muted)", fontStyle: "italic" },
  { tag: tags.separator, color: "var(--muted)" },
  { tag: [tags.comment, tags.blockComment], color: "var(--muted)", fontStyle: "italic" },
  { tag: [tags.number, tags.bool, tags.atom], color: "var(--info)" },
  { tag: [tags.variableName, tags.propertyName, tags.attributeName], color: "var(--accent)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--muted)" },
  { tag: [tags.tagName, tags.heading], color: "var(--warn)" },
  { tag: tags.inserted, color: "var(--ok)" },
  { tag: tags.deleted, color: "var(--bad)" },
]);

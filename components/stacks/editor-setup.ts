/**
 * The CodeMirror setup of the stack editor. Only ComposeEditor imports this, and only the stack
 * editor's pages load ComposeEditor (dynamically), so no other page carries the editor.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { yaml } from "@codemirror/lang-yaml";
import { syntaxHighlighting } from "@codemirror/language";
import { lintGutter } from "@codemirror/lint";
import { EditorState, type Extension } from "@codemirror/state";
import { basicSetup, EditorView } from "codemirror";
import { codeHighlight, codeTheme } from "@/components/ui/code-theme";
import { keysAt, valuesAt } from "./compose-keys";

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
    codeTheme,
    syntaxHighlighting(codeHighlight),
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

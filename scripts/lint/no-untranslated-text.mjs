/**
 * Words a person reads must come from the message catalogs (lib/i18n/messages), so every screen
 * exists in each locale. This flags, in the folders it is enabled for:
 *   - JSX text with a letter in it: <span>Sign out</span>;
 *   - a string literal with a letter in an expression child: <span>{"Sign out"}</span>;
 *   - a string literal with a letter in a prop that is read by people (title, label, placeholder…).
 * Not language, and allowed: ids, units, code, symbols, and anything in ALLOWED below.
 */
const READ_PROPS = new Set([
  "title",
  "placeholder",
  "aria-label",
  "alt",
  "label",
  "busyLabel",
  "hint",
  "sub",
  "heading",
  "description",
  "confirmLabel",
  "emptyText",
  "message",
]);

/** Words that are the same in every locale: product and Docker proper names, units, protocols. */
const ALLOWED = new Set([
  "Wharf",
  "KiB",
  "MiB",
  "GiB",
  "TiB",
  "B",
  "ms",
  "s",
  "%",
  "API",
  "ID",
  "CPU",
  "PID",
  "TCP",
  "UDP",
]);

const hasWords = (text) => {
  const t = text.trim();
  return t !== "" && /\p{L}/u.test(t) && !ALLOWED.has(t);
};

export const noUntranslatedText = {
  meta: {
    type: "problem",
    docs: { description: "visible text comes from the message catalogs" },
    messages: {
      text: 'Visible text "{{text}}" is not a message key; add it to lib/i18n/messages and use t().',
      prop: 'The {{prop}} "{{text}}" is not a message key; add it to lib/i18n/messages and use t().',
    },
    schema: [],
  },
  create(context) {
    const report = (node, messageId, text, prop) =>
      context.report({ node, messageId, data: { text: text.trim().slice(0, 40), prop } });
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, "text", node.value);
      },
      JSXExpressionContainer(node) {
        const e = node.expression;
        if (node.parent.type === "JSXAttribute") return;
        if (e.type === "Literal" && typeof e.value === "string" && hasWords(e.value))
          report(node, "text", e.value);
        if (e.type === "TemplateLiteral" && e.quasis.some((q) => hasWords(q.value.cooked ?? "")))
          report(node, "text", e.quasis.map((q) => q.value.cooked).join("…"));
      },
      JSXAttribute(node) {
        const name = node.name.type === "JSXIdentifier" ? node.name.name : "";
        if (!READ_PROPS.has(name) || !node.value) return;
        const v = node.value.type === "JSXExpressionContainer" ? node.value.expression : node.value;
        if (v.type === "Literal" && typeof v.value === "string" && hasWords(v.value))
          report(node, "prop", v.value, name);
        if (v.type === "TemplateLiteral" && v.quasis.some((q) => hasWords(q.value.cooked ?? "")))
          report(node, "prop", v.quasis.map((q) => q.value.cooked).join("…"), name);
      },
    };
  },
};

const plugin = { rules: { "no-untranslated-text": noUntranslatedText } };
export default plugin;

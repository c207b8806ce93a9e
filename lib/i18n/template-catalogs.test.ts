import { isArgumentElement, isLiteralElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import enServer from "./messages/en/server.json";
import enValidation from "./messages/en/validation.json";
import zhServer from "./messages/zh-CN/server.json";
import zhValidation from "./messages/zh-CN/validation.json";

/**
 * The browser matches a validation reason (`field: reason`) or a whole server message against these
 * English templates literally, and says it with the zh-CN template and the captured values. So every
 * template must be plain text and `{name}` arguments only, and must format back to exactly what the
 * code writes.
 */
const CATALOGS: [string, Record<string, string>, Record<string, string>][] = [
  ["validation", enValidation, zhValidation],
  ["server", enServer, zhServer],
];

/** The argument names of a message, failing on anything but literal text and simple `{name}` arguments. */
function argumentsOf(message: string, locale: string): string[] {
  const ast = new IntlMessageFormat(message, locale).getAst();
  const other = ast.filter((el) => !isLiteralElement(el) && !isArgumentElement(el));
  expect(other, `${JSON.stringify(message)} has only text and {name} arguments`).toEqual([]);
  return [...new Set(ast.filter(isArgumentElement).map((el) => el.value))].sort();
}

const format = (message: string, locale: string, values: Record<string, string>) =>
  String(new IntlMessageFormat(message, locale).format(values));

describe.each(CATALOGS)("the %s catalog", (_name, en, zh) => {
  it("has the same flat camelCase keys in both locales", () => {
    expect(Object.keys(en).length).toBeGreaterThan(0);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it("has no two keys for the same English template", () => {
    const values = Object.values(en);
    expect(values.filter((v, i) => values.indexOf(v) !== i)).toEqual([]);
  });

  it.each(Object.entries(en))("%s formats back to the English text", (key, template) => {
    const args = argumentsOf(template, "en");
    if (args.length === 0) {
      expect(format(template, "en", {})).toBe(template);
      return;
    }
    // Given each argument's own name, the text around the arguments is the template's, unescaped.
    const named = Object.fromEntries(args.map((a) => [a, a]));
    expect(format(template, "en", named)).toBe(template.replace(/\{(\w+)\}/g, "$1"));
    const braced = Object.fromEntries(args.map((a) => [a, `{${a}}`]));
    expect(format(template, "en", braced), key).toBe(template);
  });

  it.each(Object.entries(zh))("%s in zh-CN is Chinese, with the English arguments", (key, message) => {
    expect(message).toMatch(/\p{Script=Han}/u);
    const args = argumentsOf(message, "zh-CN");
    expect(args, key).toEqual(argumentsOf(en[key] ?? "", "en"));
    const named = Object.fromEntries(args.map((a) => [a, a]));
    expect(format(message, "zh-CN", named)).toBe(message.replace(/\{(\w+)\}/g, "$1"));
  });
});

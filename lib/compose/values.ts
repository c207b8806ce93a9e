/** Small readers for compose's flexible value forms. */
import type { ListOrDict, Scalar, StringOrList } from "./raw";

export function scalarText(v: Scalar): string {
  return v === null ? "" : String(v);
}

export function stringList(v: StringOrList | undefined): string[] {
  return v === undefined ? [] : typeof v === "string" ? [v] : [...v];
}

/** `{K: v}` or `["K=v", "K"]` → entries; a list item without `=` (or a null value) is null. */
export function listOrDictEntries(v: ListOrDict | undefined): [string, string | null][] {
  if (v === undefined) return [];
  if (Array.isArray(v)) {
    return v.map((item) => {
      const eq = item.indexOf("=");
      return eq < 0 ? [item, null] : [item.slice(0, eq), item.slice(eq + 1)];
    });
  }
  return Object.entries(v).map(([k, value]) => [k, value === null ? null : String(value)]);
}

/** Labels, args, sysctls: a missing value is the empty string. */
export function stringMap(v: ListOrDict | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of listOrDictEntries(v)) out[k] = value ?? "";
  return out;
}

export function optionMap(v: Record<string, Scalar> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v ?? {})) out[k] = scalarText(value);
  return out;
}

import { createTranslator, type useTranslations } from "next-intl";
import quotas from "@/lib/i18n/messages/en/quotas.json";
import type { ContainerLimits } from "@/lib/quotas";
import { cpuLimit } from "@/lib/quotas";
import type { ResourcesRequest } from "@/lib/schemas";
import { resourcesSchema } from "@/lib/schemas";
import { formatCpus, formatLimitBytes, parseBytes, parseCpus } from "@/lib/units";

/** The quotas messages, as `useTranslations("quotas")` gives them. */
export type QuotasT = ReturnType<typeof useTranslations<"quotas">>;

/** The English catalog: the server names fields in English, and callers without a locale read it. */
const english: QuotasT = createTranslator({ locale: "en", messages: { quotas }, namespace: "quotas" });

/** The editable limits; each names its label and hint under `quotas.field.<key>`. */
export type LimitKey =
  | "cpus"
  | "cpuShares"
  | "cpusetCpus"
  | "cpusetMems"
  | "memory"
  | "memoryReservation"
  | "memorySwap"
  | "pidsLimit"
  | "blkioWeight"
  | "restartPolicy";

/** A limit as it reads: the engine's value in human units, or a word for "no value set". */
export type Shown = { value: string; quota?: boolean } | { word: "unlimited" | "default" | "all" };

/** Why a typed value is not a limit; said with the field's label and the input. */
export interface Problem {
  problem: "notSize" | "notCpus" | "notWhole" | "badRestart";
  input: string;
}

/** One editable limit: how it reads in human units and how an edit becomes a resources request. */
export interface LimitField {
  key: LimitKey;
  /** In English; `labelOf(t, f)` and `hintOf(t, f)` say them in the user's language. */
  label: string;
  hint: string;
  /** The limit as text, in English words; `shownText(t, f.shown(l))` says it in the user's language. */
  show: (l: ContainerLimits) => string;
  shown: (l: ContainerLimits) => Shown;
  /** The request for a typed value, or what is wrong with it. */
  parse: (input: string) => ResourcesRequest | Problem;
  /** The request field whose read-back decides "applied". */
  field: keyof ResourcesRequest;
}

const unlimited = (s: string) => /^(unlimited|none|-1)$/i.test(s.trim());
const intOf = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : undefined);
const value = (v: string): Shown => ({ value: v });

type FieldSpec = Omit<LimitField, "label" | "hint" | "show">;

/** Adds the English label, hint and text that callers without a translator read. */
const withEnglish = (f: FieldSpec): LimitField => ({
  ...f,
  label: labelOf(english, f),
  hint: hintOf(english, f),
  show: (l) => shownText(english, f.shown(l)),
});

function bytesField(key: LimitKey & keyof ResourcesRequest, allowUnlimited: boolean): FieldSpec {
  return {
    key,
    field: key,
    shown: (l) => {
      const v = l[key as keyof ContainerLimits] as number;
      return v === -1 ? { word: "unlimited" } : value(formatLimitBytes(v));
    },
    parse: (s): ResourcesRequest | Problem => {
      if (allowUnlimited && unlimited(s)) return { [key]: -1 };
      const n = parseBytes(s);
      return n === undefined ? { problem: "notSize", input: s } : { [key]: n };
    },
  };
}

export const LIMIT_EDITORS: LimitField[] = (
  [
    {
      key: "cpus",
      field: "nanoCpus",
      shown: (l) =>
        l.nanoCpus > 0
          ? value(formatCpus(l.nanoCpus))
          : l.cpuQuota > 0
            ? { value: String(cpuLimit(l)), quota: true }
            : { word: "unlimited" },
      parse: (s) => {
        const n = parseCpus(s);
        return n === undefined ? { problem: "notCpus", input: s } : { nanoCpus: n };
      },
    },
    {
      key: "cpuShares",
      field: "cpuShares",
      shown: (l) => (l.cpuShares > 0 ? value(String(l.cpuShares)) : { word: "default" }),
      parse: (s) => {
        const n = intOf(s);
        return n === undefined ? { problem: "notWhole", input: s } : { cpuShares: n };
      },
    },
    {
      key: "cpusetCpus",
      field: "cpusetCpus",
      shown: (l) => (l.cpusetCpus ? value(l.cpusetCpus) : { word: "all" }),
      parse: (s) => ({ cpusetCpus: s.trim() }),
    },
    {
      key: "cpusetMems",
      field: "cpusetMems",
      shown: (l) => (l.cpusetMems ? value(l.cpusetMems) : { word: "all" }),
      parse: (s) => ({ cpusetMems: s.trim() }),
    },
    bytesField("memory", false),
    bytesField("memoryReservation", false),
    bytesField("memorySwap", true),
    {
      key: "pidsLimit",
      field: "pidsLimit",
      shown: (l) => (l.pidsLimit > 0 ? value(String(l.pidsLimit)) : { word: "unlimited" }),
      parse: (s) => {
        if (unlimited(s)) return { pidsLimit: -1 };
        const n = intOf(s);
        return n === undefined ? { problem: "notWhole", input: s } : { pidsLimit: n };
      },
    },
    {
      key: "blkioWeight",
      field: "blkioWeight",
      shown: (l) => (l.blkioWeight > 0 ? value(String(l.blkioWeight)) : { word: "default" }),
      parse: (s) => {
        const n = intOf(s);
        return n === undefined ? { problem: "notWhole", input: s } : { blkioWeight: n };
      },
    },
    {
      key: "restartPolicy",
      field: "restartPolicy",
      shown: (l) =>
        value(
          l.restartPolicy.name === "on-failure" && l.restartPolicy.maximumRetryCount
            ? `on-failure:${l.restartPolicy.maximumRetryCount}`
            : l.restartPolicy.name,
        ),
      parse: (s) => {
        const m = /^\s*(no|always|unless-stopped|on-failure)(?::(\d+))?\s*$/.exec(s);
        if (!m) return { problem: "badRestart", input: s };
        const name = m[1] as "no" | "always" | "unless-stopped" | "on-failure";
        return { restartPolicy: { name, ...(m[2] ? { maximumRetryCount: Number(m[2]) } : {}) } };
      },
    },
  ] satisfies FieldSpec[]
).map(withEnglish);

const isProblem = (p: ResourcesRequest | Problem): p is Problem => "problem" in p;

/** The field's label and hint, in the user's language. */
export function labelOf(t: QuotasT, f: Pick<LimitField, "key">): string {
  return t(`field.${f.key}.label`);
}
export function hintOf(t: QuotasT, f: Pick<LimitField, "key">): string {
  return t(`field.${f.key}.hint`);
}

/** A shown limit as text: the value, or its word in the user's language. */
export function shownText(t: QuotasT, shown: Shown): string {
  if ("word" in shown) return t(`word.${shown.word}`);
  return shown.quota ? t("quotaValue", { value: shown.value }) : shown.value;
}

/**
 * Parses and validates an edit exactly as the server will, so the error shows before any call. The
 * schema's own words stay as the server would send them, after the request field they concern.
 */
export function requestFor(
  field: LimitField,
  input: string,
  t: QuotasT = english,
): ResourcesRequest | string {
  const parsed = field.parse(input);
  if (isProblem(parsed))
    return t(`problem.${parsed.problem}`, { field: labelOf(t, field), input: parsed.input });
  const checked = resourcesSchema.safeParse(parsed);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  return t("invalidField", {
    field: issue?.path.join(".") || labelOf(t, field),
    message: issue?.message ?? t("invalid"),
  });
}

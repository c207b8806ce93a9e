import type { useTranslations } from "next-intl";

/** The images catalog's translator, for helpers that word a problem outside a component. */
export type ImagesT = ReturnType<typeof useTranslations<"images">>;

/** The form field a problem names, as the server's VALIDATION messages name it. */
export type ProblemField =
  "image" | "repo" | "tags" | "buildArgs" | "dockerfile" | "context" | "hosts" | "labels";

/** Why a value is refused: a message of `images.problem.reason`, with its values. */
export type ProblemReason =
  | { key: "enterReference" | "required" | "spaces" | "noRepo" | "emptyPart" | "lowercase" }
  | { key: "badDigest" | "badTag" | "badHost" | "badPart"; value: string }
  | { key: "tooLong"; max: number }
  | { key: "notKeyValue"; line: number }
  | { key: "pasteDockerfile" | "chooseArchive" | "pickHost" | "keyOrKeyValue" }
  /** A reason this browser has no words for: shown as it came. */
  | { key: "other"; reason: string };

/**
 * A problem a form finds before sending: the field it names (and the item of a list field, such as
 * one tag among several) and why, so it can be said in the user's language.
 */
export interface FormProblem {
  field: ProblemField;
  item?: string;
  reason: ProblemReason;
}

/** "field: reason" in the user's language; in English, the server's VALIDATION wording. */
export function problemText(t: ImagesT, p: FormProblem): string {
  const name = t(`problem.field.${p.field}`);
  const field = p.item === undefined ? name : t("problem.fieldItem", { field: name, item: p.item });
  const { key, ...values } = p.reason;
  return t("problem.line", { field, reason: t(`problem.reason.${key}`, values) });
}

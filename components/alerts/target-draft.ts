import { fieldProblem } from "@/components/ui/form-check";
import { TARGET_SECRETS, type TargetEdit, type TargetKind, type TargetSecret } from "@/lib/alerts";

/** What the target form holds: every value as typed, for every kind, so switching kinds loses nothing. */
export interface TargetDraft {
  name: string;
  kind: TargetKind;
  url: string;
  template: string;
  token: string;
  secret: string;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
  to: string;
}

export const NEW_TARGET: TargetDraft = {
  name: "",
  kind: "webhook",
  url: "",
  template: "",
  token: "",
  secret: "",
  host: "",
  port: "25",
  secure: false,
  user: "",
  password: "",
  from: "",
  to: "",
};

/** The form prefilled from a stored target; its secrets stay empty, which keeps them. */
export function draftOfTarget(e: TargetEdit): TargetDraft {
  const c = e.config;
  const d: TargetDraft = { ...NEW_TARGET, name: e.name, kind: c.kind };
  if (c.kind === "webhook") d.template = c.template ?? "";
  if (c.kind === "email")
    Object.assign(d, {
      host: c.host,
      port: String(c.port),
      secure: c.secure,
      user: c.user ?? "",
      from: c.from,
      to: c.to.join(", "),
    });
  return d;
}

const opt = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});

/**
 * The config a draft sends. An empty secret is sent empty or left out, which keeps a stored one on
 * an update; one in `removed` is sent as null, which removes it.
 */
export function configOf(d: TargetDraft, removed: readonly TargetSecret[] = []): Record<string, unknown> {
  const secret = (k: "token" | "secret" | "password", v: string) =>
    removed.includes(k) && !v ? { [k]: null } : v ? { [k]: v } : {};
  switch (d.kind) {
    case "email":
      return {
        kind: "email",
        host: d.host.trim(),
        port: Number(d.port),
        secure: d.secure,
        ...opt("user", d.user),
        ...secret("password", d.password),
        from: d.from.trim(),
        to: d.to.split(/[\s,;]+/).filter(Boolean),
      };
    case "webhook":
      return { kind: d.kind, url: d.url.trim(), ...opt("template", d.template) };
    case "ntfy":
      return { kind: d.kind, url: d.url.trim(), ...secret("token", d.token.trim()) };
    case "dingtalk":
    case "feishu":
      return { kind: d.kind, url: d.url.trim(), ...secret("secret", d.secret.trim()) };
    default:
      return { kind: d.kind, url: d.url.trim() };
  }
}

/** The secrets of the draft's kind that an update would keep: stored ones, when the kind is the stored one. */
export function keptSecrets(d: TargetDraft, edit: TargetEdit | undefined): readonly TargetSecret[] {
  if (!edit || edit.config.kind !== d.kind) return [];
  const own: readonly TargetSecret[] = TARGET_SECRETS[d.kind];
  return edit.stored.filter((k) => own.includes(k));
}

/** A mail server's port left blank or not a number, named as the server names the field. */
export function targetNumberProblem(d: TargetDraft): Error | undefined {
  if (d.kind !== "email") return undefined;
  if (d.port.trim() === "") return fieldProblem("config.port", "is required");
  // JSON would send it as null, and the server could only say it is not a number.
  if (!Number.isFinite(Number(d.port))) return fieldProblem("config.port", "must be a number");
  return undefined;
}

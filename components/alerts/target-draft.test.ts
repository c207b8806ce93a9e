import { describe, expect, it } from "vitest";
import { errorField } from "@/components/api/error-field";
import { TARGET_SECRETS, targetConfigSchema, type TargetConfig, type TargetEdit } from "@/lib/alerts";
import { NEW_TARGET, configOf, draftOfTarget, keptSecrets, targetNumberProblem } from "./target-draft";

const CONFIGS: TargetConfig[] = [
  { kind: "webhook", url: "https://h.example/hook/abc", template: '{"t":"{{title}}"}' },
  { kind: "slack", url: "https://hooks.slack.example/T/B/x" },
  { kind: "discord", url: "https://discord.example/api/webhooks/1/x" },
  { kind: "ntfy", url: "https://ntfy.example/topic", token: "tk" },
  {
    kind: "email",
    host: "smtp.example",
    port: 465,
    secure: true,
    user: "ops",
    password: "pw",
    from: "wharf@example.test",
    to: ["a@example.test", "b@example.test"],
  },
  { kind: "dingtalk", url: "https://oapi.example/robot/send?access_token=t", secret: "s" },
  { kind: "wecom", url: "https://qyapi.example/webhook/send?key=k" },
  { kind: "feishu", url: "https://open.example/hook/x", secret: "s" },
];

/** A stored target as the edit form gets it from the server: no secrets. */
function editOf(c: TargetConfig): TargetEdit {
  const secrets: readonly string[] = TARGET_SECRETS[c.kind];
  const config = Object.fromEntries(Object.entries(c).filter(([k]) => !secrets.includes(k)));
  return {
    id: 1,
    name: `a ${c.kind}`,
    endpoint: "https://x.example/…",
    config,
    stored: [],
  } as unknown as TargetEdit;
}

describe("a target's draft", () => {
  it.each(CONFIGS.map((c) => [c.kind, c] as const))(
    "of a stored %s target sends its config again, every secret empty or left out",
    (_kind, c) => {
      const sent = configOf(draftOfTarget(editOf(c)));
      const secrets: readonly string[] = TARGET_SECRETS[c.kind];
      const filled = {
        ...sent,
        ...Object.fromEntries(secrets.map((k) => [k, (c as Record<string, unknown>)[k]])),
      };
      expect(targetConfigSchema.parse(filled)).toEqual(c);
      for (const k of secrets) expect([undefined, ""]).toContain(sent[k]);
    },
  );

  it("sends a secret typed anew, and null for one removed and left empty", () => {
    const d = {
      ...draftOfTarget(editOf(CONFIGS[5] as TargetConfig)),
      url: " https://new.example/r ",
      secret: "",
    };
    expect(configOf(d, ["secret"])).toEqual({ kind: "dingtalk", url: "https://new.example/r", secret: null });
    expect(configOf({ ...d, secret: "n" }, ["secret"])).toMatchObject({ secret: "n" });
    const mail = draftOfTarget(editOf(CONFIGS[4] as TargetConfig));
    expect(configOf(mail, ["password"]).password).toBeNull();
    expect(configOf({ ...mail, password: " p w " }).password).toBe(" p w ");
  });

  it("keeps the stored secrets only while the kind is the stored one", () => {
    const edit = { ...editOf(CONFIGS[3] as TargetConfig), stored: ["url", "token"] } as TargetEdit;
    const d = draftOfTarget(edit);
    expect(keptSecrets(d, edit)).toEqual(["url", "token"]);
    expect(keptSecrets({ ...d, kind: "slack" }, edit)).toEqual([]);
    expect(keptSecrets(d, undefined)).toEqual([]);
  });

  it("names a mail port left blank or not a number", () => {
    const mail = { ...NEW_TARGET, kind: "email" as const };
    expect(targetNumberProblem(mail)).toBeUndefined();
    expect(errorField(targetNumberProblem({ ...mail, port: "smtp" }))).toBe("config.port");
    expect(targetNumberProblem({ ...mail, port: " " })?.message).toBe("config.port: is required");
    expect(targetNumberProblem({ ...NEW_TARGET, port: "x" })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { TARGET_KINDS, TARGET_SECRETS, targetInputSchema, type TargetConfig } from "../../lib/alerts";
import { auditedTarget, shownConfig, withStoredSecrets } from "./target-secrets";

const DING: TargetConfig = {
  kind: "dingtalk",
  url: "https://oapi.example/robot?access_token=T",
  secret: "S",
};
const MAIL: TargetConfig = {
  kind: "email",
  host: "smtp.example",
  port: 587,
  secure: false,
  user: "ops",
  password: "P",
  from: "wharf@example.test",
  to: ["ops@example.test"],
};

describe("a target's config as an edit form sees it", () => {
  it("leaves out every secret and says which are stored", () => {
    expect(shownConfig(DING)).toEqual({ config: { kind: "dingtalk" }, stored: ["url", "secret"] });
    const { config, stored } = shownConfig(MAIL);
    expect(config).toEqual({
      kind: "email",
      host: "smtp.example",
      port: 587,
      secure: false,
      user: "ops",
      from: "wharf@example.test",
      to: ["ops@example.test"],
    });
    expect(stored).toEqual(["password"]);
    expect(shownConfig({ ...MAIL, password: undefined }).stored).toEqual([]);
  });

  it("never carries a stored secret's value, whatever the kind", () => {
    for (const kind of TARGET_KINDS) {
      const secret = `secret-of-${kind}`;
      const config = Object.fromEntries([["kind", kind], ...TARGET_SECRETS[kind].map((k) => [k, secret])]);
      const shown = shownConfig(config as TargetConfig);
      expect(JSON.stringify(shown.config)).not.toContain(secret);
      expect(shown.stored).toEqual(TARGET_SECRETS[kind]);
    }
  });
});

describe("an update's secrets", () => {
  const update = (config: Record<string, unknown>, stored: TargetConfig) =>
    withStoredSecrets({ name: "n", config }, stored) as { config: Record<string, unknown> };

  it("keeps the stored ones it leaves out or leaves empty", () => {
    expect(update({ kind: "dingtalk" }, DING).config).toEqual(DING);
    expect(update({ kind: "dingtalk", url: "", secret: "" }, DING).config).toEqual(DING);
    const mail = update({ ...MAIL, password: undefined, port: 465 }, MAIL).config;
    expect(mail).toEqual({ ...MAIL, port: 465 });
    expect(targetInputSchema.safeParse({ name: "n", config: mail }).success).toBe(true);
  });

  it("takes the new ones it sends, and removes the ones it sends as null", () => {
    expect(update({ kind: "dingtalk", url: "https://new.example/r", secret: null }, DING).config).toEqual({
      kind: "dingtalk",
      url: "https://new.example/r",
    });
  });

  it("keeps nothing for another kind, so a config of a new kind stands on its own", () => {
    expect(update({ kind: "feishu" }, DING).config).toEqual({ kind: "feishu" });
    expect(targetInputSchema.safeParse({ name: "n", config: { kind: "feishu" } }).success).toBe(false);
  });

  it("leaves a body of another shape for the schema to refuse", () => {
    expect(withStoredSecrets("x", DING)).toBe("x");
    expect(withStoredSecrets({ name: "n" }, DING)).toEqual({ name: "n" });
  });
});

describe("a target request as the audit keeps it", () => {
  it("has no URL, token, secret or password, even of an unknown kind", () => {
    expect(auditedTarget({ name: "n", config: DING })).toEqual({ name: "n", config: { kind: "dingtalk" } });
    expect(auditedTarget({ name: "n", config: { kind: "pager", url: "u", token: "t" } })).toEqual({
      name: "n",
      config: { kind: "pager" },
    });
  });
});

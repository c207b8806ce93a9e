import { describe, expect, it } from "vitest";
import { compileReasons, matchReason, matchServerMessage, matchValidationReason } from "./reason-match";

describe("matchReason", () => {
  const list = compileReasons({
    required: "is required",
    atMost: "must be at most {max} characters",
    host: 'has an invalid registry host "{host}"',
    anything: "{what}",
  });

  it("finds a literal reason, and one with values, preferring the most literal text", () => {
    expect(matchReason("is required", list)).toEqual({ key: "required", values: {} });
    expect(matchReason("must be at most 63 characters", list)).toEqual({
      key: "atMost",
      values: { max: "63" },
    });
    expect(matchReason('has an invalid registry host "a b"', list)).toEqual({
      key: "host",
      values: { host: "a b" },
    });
  });

  it("treats regex characters in a template literally", () => {
    const dots = compileReasons({ dots: "must be a list like 0-2,4 (a.b)" });
    expect(matchReason("must be a list like 0-2,4 (a.b)", dots)?.key).toBe("dots");
    expect(matchReason("must be a list like 0-2,4 (aXb)", dots)).toBeUndefined();
  });

  it("answers nothing for a reason it does not know", () => {
    expect(matchReason("some engine words", compileReasons({ required: "is required" }))).toBeUndefined();
  });
});

describe("the validation catalog", () => {
  it("matches each of its English reasons back to its own key", async () => {
    const { default: en } = await import("@/lib/i18n/messages/en/validation.json");
    const wrong = Object.entries(en).filter(([key, template]) => {
      // A value with no spaces or punctuation of its own cannot be mistaken for template text.
      const sample = template.replace(/\{(\w+)\}/g, (_, name: string) => `X${name}X`);
      const found = matchValidationReason(sample);
      return found?.key !== key && en[found?.key as keyof typeof en] !== template;
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it("knows Wharf's most common reasons", () => {
    expect(matchValidationReason("is required")).toBeDefined();
    expect(matchValidationReason("must be a whole number")).toBeDefined();
  });
});

describe("the server-message catalog", () => {
  it("matches each of Wharf's own messages back to its own key", async () => {
    const { default: en } = await import("@/lib/i18n/messages/en/server.json");
    const wrong = Object.entries(en).filter(([key, template]) => {
      const sample = template.replace(/\{(\w+)\}/g, (_, name: string) => `X${name}X`);
      return matchServerMessage(sample)?.key !== key;
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it("leaves an engine's own words alone", () => {
    expect(matchServerMessage("No such image: busybox:latest")).toBeDefined();
    expect(matchServerMessage("OCI runtime create failed: exec format error")).toBeUndefined();
  });
});

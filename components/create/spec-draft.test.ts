import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en";
import { emptySpec } from "@/lib/container-spec/spec";
import { draftOf, specOf as specOfWith, type SpecDraft } from "./spec-draft";

const MiB = 1024 * 1024;
const t = createTranslator({ locale: "en", messages: en, namespace: "quotas" });
const specOf = (d: SpecDraft) => specOfWith(d, t);

describe("the create form's draft", () => {
  it("round-trips a spec through the form's text fields", () => {
    const spec = {
      ...emptySpec(),
      image: "local/ticker:1",
      name: "t1",
      cmd: ["sh", "-c", "echo hi && sleep 1"],
      aliases: ["a", "b"],
      limits: { memory: 64 * MiB },
      healthcheck: { test: ["CMD-SHELL", "true"], interval: 30e9, timeout: 5e9, startPeriod: 0, retries: 3 },
    };
    const d = draftOf(spec);
    expect(d.texts.cmd).toBe("sh -c 'echo hi && sleep 1'");
    expect(d.texts.healthInterval).toBe("30s");
    expect(specOf(d)).toEqual(spec);
  });

  it("names the field of the first problem", () => {
    const d = draftOf({ ...emptySpec(), image: "x" });
    expect(specOf({ ...d, spec: { ...d.spec, image: " " } })).toMatchObject({ field: "image" });
    expect(specOf({ ...d, texts: { ...d.texts, cmd: "echo 'x" } })).toEqual({
      field: "cmd",
      key: "command",
      values: { detail: "a single quote is not closed" },
    });
    expect(specOf({ ...d, texts: { ...d.texts, limits: { memory: "2m" } } })).toEqual({
      field: "limits",
      limit: "memory",
      message: "memory: must be at least 6 MiB",
    });
    expect(
      specOf({
        ...d,
        spec: {
          ...d.spec,
          mounts: [{ type: "volume", source: "v", target: "data", readOnly: false, options: [] }],
        },
      }),
    ).toEqual({ field: "mounts", key: "mountTarget", values: { target: "data" } });
    expect(specOf({ ...d, texts: { ...d.texts, healthTest: "true", healthInterval: "soon" } })).toEqual({
      field: "healthcheck",
      key: "healthDuration",
      values: { name: "interval" },
    });
  });

  it("drops blank env and label rows", () => {
    const d = draftOf({
      ...emptySpec(),
      image: "x",
      env: [
        { key: "", value: "" },
        { key: "A", value: "1" },
      ],
      labels: [{ key: " ", value: "" }],
    });
    const s = specOf(d);
    expect("field" in s).toBe(false);
    if (!("field" in s)) {
      expect(s.env).toEqual([{ key: "A", value: "1" }]);
      expect(s.labels).toEqual([]);
    }
  });

  it("reads healthcheck durations as typed: Go durations, bare seconds, or empty for the default", () => {
    const d = draftOf({ ...emptySpec(), image: "x" });
    const t = {
      ...d.texts,
      healthTest: "true",
      healthInterval: "1m30s",
      healthTimeout: "10",
      healthRetries: "2",
    };
    expect(specOf({ ...d, texts: t })).toMatchObject({
      healthcheck: { test: ["CMD-SHELL", "true"], interval: 90e9, timeout: 10e9, startPeriod: 0, retries: 2 },
    });
  });
});

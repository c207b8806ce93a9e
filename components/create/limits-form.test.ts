import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en";
import { limitOfPath, limitsFromTexts, limitTexts } from "./limits-form";

const MiB = 1024 * 1024;
const t = createTranslator({ locale: "en", messages: en, namespace: "quotas" });

describe("limits in the create form", () => {
  it("shows only the limits that are set, in human units", () => {
    const t = limitTexts({ memory: 96 * MiB, nanoCpus: 500_000_000, pidsLimit: 64 });
    expect(t.memory).toBe("96m");
    expect(t.cpus).toBe("0.5");
    expect(t.pidsLimit).toBe("64");
    expect(t.cpuShares).toBe("");
    expect(t.memorySwap).toBe("");
  });

  it("parses typed limits and checks them as the server does", () => {
    expect(limitsFromTexts({ memory: "96m", cpus: "1.5", pidsLimit: "unlimited" }, {}, t)).toEqual({
      memory: 96 * MiB,
      nanoCpus: 1_500_000_000,
      pidsLimit: -1,
    });
    expect(limitsFromTexts({ memory: "1m" }, {}, t)).toEqual({
      limit: "memory",
      message: "memory: must be at least 6 MiB",
    });
    expect(limitsFromTexts({ cpuShares: "lots" }, {}, t)).toMatchObject({
      limit: "cpuShares",
      message: expect.stringMatching(/^CPU shares:/),
    });
  });

  it("keeps limits the form does not edit, and a quota CPU limit left untouched", () => {
    const base = { cpuQuota: 50_000, cpuPeriod: 100_000, memory: 64 * MiB };
    const texts = limitTexts(base);
    expect(texts.cpus).toBe("0.5 (quota)");
    expect(limitsFromTexts({ ...texts, memory: "" }, base, t)).toEqual({
      cpuQuota: 50_000,
      cpuPeriod: 100_000,
    });
    expect(limitsFromTexts({ ...texts, cpus: "2" }, base, t)).toEqual({ nanoCpus: 2e9, memory: 64 * MiB });
  });

  it("finds the limit a refused request field is about", () => {
    expect(limitOfPath("config.HostConfig.Memory")).toBe("memory");
    expect(limitOfPath("config.HostConfig.NanoCpus")).toBe("cpus");
    expect(limitOfPath("config.HostConfig.Binds")).toBeUndefined();
    expect(limitOfPath(undefined)).toBeUndefined();
  });
});

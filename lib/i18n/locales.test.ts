import { describe, expect, it } from "vitest";
import { negotiateLocale, requestLocale } from "./locales";

describe("negotiateLocale", () => {
  it("takes the highest-ranked language Wharf speaks", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR,zh;q=0.5,en;q=0.3")).toBe("zh-CN");
    expect(negotiateLocale("en;q=0.2, zh-TW;q=0.7")).toBe("zh-CN");
  });
  it("keeps header order between equal q-values, and ignores q=0", () => {
    expect(negotiateLocale("en, zh-CN")).toBe("en");
    expect(negotiateLocale("zh-Hans, en")).toBe("zh-CN");
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
  });
  it("falls back to English for nothing, nonsense or languages it lacks", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("de-DE,fr;q=0.8")).toBe("en");
    expect(negotiateLocale(";;,q=x")).toBe("en");
  });
});

describe("requestLocale", () => {
  it("prefers a valid cookie and ignores an invalid one", () => {
    expect(requestLocale("zh-CN", "en")).toBe("zh-CN");
    expect(requestLocale("en", "zh-CN")).toBe("en");
    expect(requestLocale("klingon", "zh-CN")).toBe("zh-CN");
    expect(requestLocale(undefined, "en-GB")).toBe("en");
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en";
import { problemText } from "./problem";
import { checkReference as check, effectiveReference, hasDomain, registryHost } from "./pull-ref";

// The problems as an English reader sees them: worded like the server's VALIDATION messages.
const t = createTranslator({ locale: "en", messages: en, namespace: "images" });
const checkReference = (...args: Parameters<typeof check>) => {
  const p = check(...args);
  return p && problemText(t, p);
};

describe("checkReference", () => {
  it.each([
    "busybox",
    "busybox:1.35",
    "localhost:5000/busybox:1.35",
    "ghcr.io/org/app:v1.2-rc",
    `busybox@sha256:${"a".repeat(64)}`,
  ])("accepts %s", (ref) => {
    expect(checkReference(ref)).toBeUndefined();
  });

  it("names the field and the reason for bad input", () => {
    expect(checkReference("")).toMatch(/^image: enter a reference/);
    expect(checkReference("bad ref")).toMatch(/^image: has an invalid tag|^image: has an invalid path/);
    expect(checkReference("Busybox")).toBe("image: repository name must be lowercase");
    expect(checkReference("busybox:")).toBe('image: has an invalid tag ""');
    expect(checkReference("busybox@sha256:123")).toBe('image: has an invalid digest "sha256:123"');
    expect(checkReference("App:2", "tags")).toBe("tags: repository name must be lowercase");
    expect(checkReference("busybox:a@b", "image")).toBe('image: has an invalid digest "b"');
  });
});

describe("effectiveReference", () => {
  it("adds the chosen registry's host to a reference without one", () => {
    expect(effectiveReference("busybox:1.35", "http://127.0.0.1:5000")).toBe("127.0.0.1:5000/busybox:1.35");
  });

  it("keeps a reference that names its registry, or when no registry is chosen", () => {
    expect(effectiveReference("localhost:5000/busybox:1.35", "http://127.0.0.1:5000")).toBe(
      "localhost:5000/busybox:1.35",
    );
    expect(effectiveReference(" org/app ", undefined)).toBe("org/app");
  });

  it("tells a registry host from a Hub namespace", () => {
    expect(hasDomain("library/busybox")).toBe(false);
    expect(hasDomain("localhost/busybox")).toBe(true);
    expect(registryHost("https://registry.example.com:5001")).toBe("registry.example.com:5001");
  });
});

import { describe, expect, it } from "vitest";
import { previewLanguage } from "./preview-language";

describe("previewLanguage", () => {
  it("reads the extension, in any case", () => {
    expect(previewLanguage("compose.YML")).toBe("yaml");
    expect(previewLanguage("app.json")).toBe("json");
    expect(previewLanguage("site.conf")).toBe("properties");
  });

  it("knows names with no extension, and scripts by their first line", () => {
    expect(previewLanguage("Dockerfile")).toBe("dockerfile");
    expect(previewLanguage("nginx.conf")).toBe("nginx");
    expect(previewLanguage("entrypoint", "#!/bin/sh")).toBe("shell");
    expect(previewLanguage("run", "#!/usr/bin/env python3")).toBe("python");
  });

  it("is plain text for the rest, a leading dot being no extension", () => {
    expect(previewLanguage("passwd")).toBe("plain");
    expect(previewLanguage(".bashrc")).toBe("plain");
  });
});

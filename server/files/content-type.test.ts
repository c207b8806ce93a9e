import { describe, expect, it } from "vitest";
import { looksLikeText } from "./content-type";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("looksLikeText", () => {
  it("takes UTF-8 text with tabs, newlines and colour codes as text", () => {
    expect(looksLikeText(bytes("name:\tweb\r\n中文 ok\n"))).toBe(true);
    expect(looksLikeText(bytes("\x1b[31mred\x1b[0m\n"))).toBe(true);
    expect(looksLikeText(new Uint8Array())).toBe(true);
  });

  it("takes a NUL, broken UTF-8 or many control bytes as binary", () => {
    expect(looksLikeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]))).toBe(false);
    expect(looksLikeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]))).toBe(false);
    expect(looksLikeText(new Uint8Array([0x61, 0xff, 0x62]))).toBe(false);
  });

  it("lets a long text through with a stray control byte in it", () => {
    expect(looksLikeText(bytes(`${"x".repeat(200)}\x01${"y".repeat(200)}`))).toBe(true);
  });
});

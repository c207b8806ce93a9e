import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SecretBox } from "./secrets";

const PEM = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-secrets-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const keyFile = () => path.join(dir, "secret.key");

/** Changes one byte of the sealed payload at `index` (counted in the decoded bytes). */
function tamper(sealed: string, index: number): string {
  const prefix = "enc:v1:";
  const raw = Buffer.from(sealed.slice(prefix.length), "base64");
  raw[index] = (raw[index] ?? 0) ^ 0x01;
  return prefix + raw.toString("base64");
}

describe("SecretBox", () => {
  it("opens what it sealed", () => {
    const box = SecretBox.fromConfig("x".repeat(32), dir);

    expect(box.open(box.seal(PEM))).toBe(PEM);
    expect(box.open(box.seal(""))).toBe("");
    expect(box.open(box.seal("pässwörd ✓"))).toBe("pässwörd ✓");
  });

  it("does not contain the plaintext in what it seals", () => {
    const box = SecretBox.fromConfig("x".repeat(32), dir);

    const sealed = box.seal(PEM);

    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain("BEGIN");
  });

  it("seals the same plaintext differently each time", () => {
    const box = SecretBox.fromConfig("x".repeat(32), dir);

    const a = box.seal(PEM);
    const b = box.seal(PEM);

    expect(a).not.toBe(b);
    expect(box.open(a)).toBe(box.open(b));
  });

  it.each([
    ["the iv", 0],
    ["the auth tag", 12],
    ["the ciphertext", 30],
  ])("refuses to open a secret whose %s was changed", (_part, index) => {
    const box = SecretBox.fromConfig("x".repeat(32), dir);
    const sealed = box.seal(PEM);

    expect(() => box.open(tamper(sealed, index))).toThrow();
  });

  it("refuses a value that was never sealed", () => {
    const box = SecretBox.fromConfig("x".repeat(32), dir);

    expect(() => box.open(PEM)).toThrow("not a sealed secret");
  });

  it("creates a key file readable only by its owner when no key is configured", () => {
    const box = SecretBox.fromConfig(undefined, dir);

    const stat = fs.statSync(keyFile());

    expect(stat.mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(keyFile(), "utf8"), "base64")).toHaveLength(32);
    expect(box.open(box.seal("secret"))).toBe("secret");
  });

  it("reuses the key file on the next start", () => {
    const first = SecretBox.fromConfig(undefined, dir);
    const sealed = first.seal(PEM);
    const key = fs.readFileSync(keyFile(), "utf8");

    const second = SecretBox.fromConfig(undefined, dir);

    expect(second.open(sealed)).toBe(PEM);
    expect(fs.readFileSync(keyFile(), "utf8")).toBe(key);
  });

  it("refuses a key file that does not hold 32 bytes", () => {
    fs.writeFileSync(keyFile(), Buffer.alloc(16).toString("base64"));

    expect(() => SecretBox.fromConfig(undefined, dir)).toThrow("not a 32-byte base64 key");
  });

  it("uses WHARF_SECRET_KEY when configured and writes no key file", () => {
    const box = SecretBox.fromConfig("x".repeat(32), dir);

    const again = SecretBox.fromConfig("x".repeat(32), dir);

    expect(fs.existsSync(keyFile())).toBe(false);
    expect(again.open(box.seal(PEM))).toBe(PEM);
  });

  it("cannot open what another key sealed", () => {
    const configured = SecretBox.fromConfig("x".repeat(32), dir);
    const otherConfigured = SecretBox.fromConfig("y".repeat(32), dir);
    const fromFile = SecretBox.fromConfig(undefined, dir);

    expect(() => configured.open(otherConfigured.seal(PEM))).toThrow();
    expect(() => configured.open(fromFile.seal(PEM))).toThrow();
    expect(() => fromFile.open(configured.seal(PEM))).toThrow();
  });
});

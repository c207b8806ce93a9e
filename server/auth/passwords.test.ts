import { describe, expect, it } from "vitest";
import { DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from "./passwords";

describe("hashPassword and verifyPassword", () => {
  it("verifies the password a hash was made from", async () => {
    const stored = await hashPassword("correct horse battery staple");

    await expect(verifyPassword("correct horse battery staple", stored)).resolves.toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("correct horse battery staple");

    await expect(verifyPassword("correct horse battery stapler", stored)).resolves.toBe(false);
  });

  it("writes a self-describing scrypt string with a fresh salt each time", async () => {
    const a = await hashPassword("same");
    const b = await hashPassword("same");

    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("same");
  });

  it("never verifies DUMMY_HASH", async () => {
    await expect(verifyPassword("", DUMMY_HASH)).resolves.toBe(false);
    await expect(verifyPassword("admin", DUMMY_HASH)).resolves.toBe(false);
  });

  it.each([
    ["an empty string", ""],
    ["another scheme", "bcrypt$2b$10$abcdefghijklmnopqrstuv"],
    ["missing parts", "scrypt$16384$8$1"],
    ["an empty hash part", "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$"],
    ["a hash part that decodes to nothing", "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$!!!"],
    ["a hash part that is too short", "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA"],
    ["a non-numeric cost", `scrypt$abc$8$1$AAAAAAAAAAAAAAAAAAAAAA==$${Buffer.alloc(32).toString("base64")}`],
    [
      "a cost that is not a power of two",
      `scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$${Buffer.alloc(32).toString("base64")}`,
    ],
  ])("returns false for %s", async (_label, stored) => {
    await expect(verifyPassword("anything", stored)).resolves.toBe(false);
  });
});

describe("generatePassword", () => {
  it("makes distinct url-safe passwords of 24 characters", () => {
    const a = generatePassword();
    const b = generatePassword();

    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(b);
  });
});

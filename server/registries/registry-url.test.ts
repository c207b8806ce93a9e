import { describe, expect, it } from "vitest";
import { normalizeRegistryUrl, registryCreateSchema, registryUpdateSchema } from "../../lib/schemas";

describe("normalizeRegistryUrl", () => {
  it.each([
    ["http://127.0.0.1:5000", "http://127.0.0.1:5000"],
    ["http://127.0.0.1:5000/", "http://127.0.0.1:5000"],
    ["http://127.0.0.1:5000/v2/", "http://127.0.0.1:5000"],
    ["https://registry.example.com", "https://registry.example.com"],
    ["https://Registry.Example.com:443/", "https://registry.example.com"],
    ["  localhost:5000 ", "http://localhost:5000"],
    ["127.0.0.1:5001", "http://127.0.0.1:5001"],
    ["[::1]:5000", "http://[::1]:5000"],
    ["registry.example.com", "https://registry.example.com"],
    ["registry.example.com:5000", "https://registry.example.com:5000"],
  ])("%s → %s", (input, url) => {
    expect(normalizeRegistryUrl(input)).toEqual({ url });
  });

  it.each([
    ["", /required/],
    ["ftp://registry.example.com", /http/],
    ["https://user:pw@registry.example.com", /credentials/],
    ["https://registry.example.com/some/path", /root/],
    ["https://registry.example.com/?x=1", /query/],
    ["http://", /URL/],
  ])("refuses %j", (input, message) => {
    const r = normalizeRegistryUrl(input);
    expect("error" in r && r.error).toMatch(message);
  });
});

describe("registry schemas", () => {
  it("normalizes the url and names the bad field", () => {
    expect(registryCreateSchema.parse({ name: " Local ", url: "localhost:5000" })).toEqual({
      name: "Local",
      url: "http://localhost:5000",
    });
    const bad = registryCreateSchema.safeParse({ name: "x", url: "ftp://x" });
    expect(bad.success || bad.error.issues[0]?.path).toEqual(["url"]);
  });

  it("wants a username with a password, and no ':' in it", () => {
    const noUser = registryCreateSchema.safeParse({ name: "x", url: "localhost", password: "pw" });
    expect(noUser.success || noUser.error.issues[0]?.path).toEqual(["username"]);
    const colon = registryCreateSchema.safeParse({ name: "x", url: "localhost", username: "a:b" });
    expect(colon.success || colon.error.issues[0]?.path).toEqual(["username"]);
  });

  it("updates need a field; null clears credentials", () => {
    expect(registryUpdateSchema.safeParse({}).success).toBe(false);
    expect(registryUpdateSchema.parse({ password: null, username: null })).toEqual({
      password: null,
      username: null,
    });
    expect(registryUpdateSchema.safeParse({ id: 3 }).success).toBe(false);
  });
});

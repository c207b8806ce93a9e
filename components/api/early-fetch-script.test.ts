import { describe, expect, it, vi } from "vitest";
import { EARLY_FETCH_GLOBAL, earlyFetchScript } from "./early-fetch-script";

type Early = Record<string, { at: number; reply: unknown }>;

/** Runs the head script as a full load of `pathname` would, against a stand-in window and fetch. */
function load(pathname: string, fetch: (...args: unknown[]) => unknown = () => Promise.resolve()) {
  const win: Record<string, unknown> = {};
  const spy = vi.fn(fetch);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function("window", "location", "fetch", earlyFetchScript()) as (
    w: typeof win,
    l: { pathname: string },
    f: typeof spy,
  ) => void;
  run(win, { pathname }, spy);
  return { early: win[EARLY_FETCH_GLOBAL] as Early | undefined, fetch: spy };
}

describe("earlyFetchScript", () => {
  it("asks for the signed-in user and the merged list on /containers, as api() sends them", () => {
    const { early, fetch } = load("/containers");
    expect(Object.keys(early ?? {})).toEqual(["/api/v1/auth/me", "/api/v1/containers"]);
    expect(fetch).toHaveBeenCalledWith("/api/v1/containers", {
      headers: { "x-wharf-csrf": "1" },
      credentials: "same-origin",
    });
    expect(typeof early?.["/api/v1/containers"]?.at).toBe("number");
  });

  it("asks for a host's list on the host's page only", () => {
    expect(Object.keys(load("/hosts/f01").early ?? {})).toEqual([
      "/api/v1/auth/me",
      "/api/v1/hosts/f01/containers",
    ]);
    expect(Object.keys(load("/hosts/f01/images").early ?? {})).toEqual(["/api/v1/auth/me"]);
    expect(Object.keys(load("/volumes").early ?? {})).toEqual(["/api/v1/auth/me"]);
  });

  it("names the host as the list's query does", () => {
    expect(Object.keys(load("/hosts/a%20b").early ?? {})).toContain("/api/v1/hosts/a%20b/containers");
    expect(Object.keys(load("/hosts/a~b").early ?? {})).toContain("/api/v1/hosts/a~b/containers");
  });

  it("asks for nothing on the sign-in page", () => {
    expect(load("/login").fetch).not.toHaveBeenCalled();
    expect(load("/login").early).toBeUndefined();
  });

  it("leaves the page alone when a request cannot start", () => {
    expect(() =>
      load("/containers", () => {
        throw new TypeError("fetch is not available");
      }),
    ).not.toThrow();
    expect(() => load("/hosts/%E0%A4%A")).not.toThrow();
  });
});

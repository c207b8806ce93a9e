import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EARLY_FETCH_GLOBAL } from "./early-fetch-script";
import { takeEarly } from "./early-fetch";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

let win: Record<string, unknown>;

function early(path: string, reply: Promise<Response>, at = Date.now()) {
  const map = (win[EARLY_FETCH_GLOBAL] ??= {}) as Record<string, unknown>;
  map[path] = { at, reply };
}

beforeEach(() => {
  win = { location: { pathname: "/containers", assign: vi.fn() } };
  vi.stubGlobal("window", win);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("takeEarly", () => {
  it("is undefined when the page asked for nothing", () => {
    expect(takeEarly("/list")).toBeUndefined();
  });

  it("answers the page's request once, read as api() reads it", async () => {
    early("/list", Promise.resolve(json({ items: [1, 2] })));
    await expect(takeEarly("/list")).resolves.toEqual({ items: [1, 2] });
    expect(takeEarly("/list")).toBeUndefined();
  });

  it("turns an error reply into the same ApiError api() throws", async () => {
    early("/list", Promise.resolve(json({ error: { code: "NOT_FOUND", message: "no such host" } }, 404)));
    await expect(takeEarly("/list")).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("leaves a request too old to show, so the list is fetched afresh", () => {
    early("/list", Promise.resolve(json({ items: [] })), Date.now() - 60_000);
    expect(takeEarly("/list")).toBeUndefined();
  });

  it("asks again when the early request failed on the network", async () => {
    const fetch = vi.fn(() => Promise.resolve(json({ items: ["fresh"] })));
    vi.stubGlobal("fetch", fetch);
    early("/list", Promise.reject(new TypeError("network")));
    await expect(takeEarly("/list")).resolves.toEqual({ items: ["fresh"] });
    expect(fetch).toHaveBeenCalledOnce();
  });
});

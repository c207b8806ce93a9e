import { afterEach, describe, expect, it } from "vitest";
import type { HistoryAnswer } from "../../lib/metrics";
import { login, startServer, type TestServer } from "./harness";

let srv: TestServer | undefined;

afterEach(async () => {
  await srv?.stop();
  srv = undefined;
});

/** The charts' empty state says how often Wharf samples, from the history answer itself. */
describe("history answers say how often Wharf samples", () => {
  it.each([
    [1500, 1500],
    [0, 0],
  ])("collecting every %i ms, a host's history answers sampleMs %i", async (metricsIntervalMs, sampleMs) => {
    srv = await startServer({ metricsIntervalMs });
    const admin = await login(srv.base);
    const r = await admin.get<HistoryAnswer>("/api/v1/hosts/local/history?metric=cpu");
    expect(r.status).toBe(200);
    expect(r.body.sampleMs).toBe(sampleMs);
    if (metricsIntervalMs === 0) expect(r.body.points).toEqual([]);
  });
});

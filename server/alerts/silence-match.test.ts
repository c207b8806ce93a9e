import { describe, expect, it } from "vitest";
import type { Silence } from "../../lib/alerts";
import { silenceCovers } from "./silence-match";

const NOW = 1_000_000;
const silence = (s: Partial<Silence>): Silence => ({
  id: 1,
  comment: "",
  createdBy: "ops",
  createdAt: NOW - 10,
  startsAt: NOW - 10,
  endsAt: NOW + 3600_000,
  ...s,
});
const alert = { ruleId: 7, hostId: "edge", containerName: "web-1", project: "shop", service: "web" };

describe("silenceCovers", () => {
  it("matches by rule, host and subject, each absent or equal", () => {
    expect(silenceCovers(silence({}), alert, NOW)).toBe(true);
    expect(silenceCovers(silence({ ruleId: 7, hostId: "edge", subject: "web-1" }), alert, NOW)).toBe(true);
    expect(silenceCovers(silence({ subject: "shop/web" }), alert, NOW)).toBe(true);
    expect(silenceCovers(silence({ ruleId: 8 }), alert, NOW)).toBe(false);
    expect(silenceCovers(silence({ hostId: "local" }), alert, NOW)).toBe(false);
    expect(silenceCovers(silence({ subject: "web-2" }), alert, NOW)).toBe(false);
    expect(silenceCovers(silence({ subject: "shop/db" }), alert, NOW)).toBe(false);
  });

  it("covers only while in force", () => {
    expect(silenceCovers(silence({ startsAt: NOW + 1 }), alert, NOW)).toBe(false);
    expect(silenceCovers(silence({ endsAt: NOW }), alert, NOW)).toBe(false);
  });

  it("matches a volume's disk alert by the volume's name", () => {
    const disk = {
      ruleId: 7,
      hostId: "edge",
      project: "shop",
      details: { volume: "shop_data", percent: 95 },
    };
    expect(silenceCovers(silence({ subject: "shop_data" }), disk, NOW)).toBe(true);
    expect(silenceCovers(silence({ subject: "shop_logs" }), disk, NOW)).toBe(false);
    // The host's own disk names no volume.
    expect(silenceCovers(silence({ subject: "shop_data" }), { ...disk, details: { percent: 95 } }, NOW)).toBe(
      false,
    );
  });

  it("names a service only when the alert has both its project and service", () => {
    expect(silenceCovers(silence({ subject: "/" }), { ruleId: 7, hostId: "edge" }, NOW)).toBe(false);
  });
});

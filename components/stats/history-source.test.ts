import { describe, expect, it } from "vitest";
import { historyKey, historyRefreshMs, historyUrl, type HistorySource } from "./history-source";

const host: HistorySource = { kind: "host", hostId: "edge 1" };
const container: HistorySource = { kind: "container", hostId: "local", containerId: "abc/def" };
const service: HistorySource = {
  kind: "service",
  hostId: "local",
  project: "shop",
  service: "web 2",
};

describe("historyUrl", () => {
  it("asks a host's totals, a container's series, and a service's series under its stack", () => {
    expect(historyUrl(host, "cpu", 1000, 2000)).toBe(
      "/api/v1/hosts/edge%201/history?metric=cpu&from=1000&to=2000",
    );
    expect(historyUrl(container, "memory", 1, 2)).toBe(
      "/api/v1/hosts/local/containers/abc%2Fdef/history?metric=memory&from=1&to=2",
    );
    expect(historyUrl(service, "pids", 1, 2)).toBe(
      "/api/v1/hosts/local/stacks/shop/services/web%202/history?metric=pids&from=1&to=2",
    );
  });
});

describe("historyKey", () => {
  it("keys a source by its range", () => {
    expect(historyKey(service, "24h")).not.toEqual(historyKey(service, "1h"));
  });

  it("keeps every source's key under its host, apart from the others'", () => {
    const keys = [historyKey(host, "1h"), historyKey(container, "1h"), historyKey(service, "1h")];
    expect(keys.map((k) => k.slice(0, 2))).toEqual([
      ["hosts", "edge 1"],
      ["hosts", "local"],
      ["hosts", "local"],
    ]);
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(3);
  });
});

describe("historyRefreshMs", () => {
  it("asks a long range once a minute, and every 10 s while it has no point yet", () => {
    expect(historyRefreshMs("1h")).toBe(10_000);
    expect(historyRefreshMs("24h")).toBe(60_000);
    expect(historyRefreshMs("24h", true)).toBe(10_000);
  });
});

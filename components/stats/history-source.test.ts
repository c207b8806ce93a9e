import { describe, expect, it } from "vitest";
import { historyKey, historyUrl, serviceSource, type HistorySource } from "./history-source";

const host: HistorySource = { kind: "host", hostId: "edge 1" };
const container: HistorySource = { kind: "container", hostId: "local", containerId: "abc/def" };
const service: HistorySource = {
  kind: "service",
  hostId: "local",
  project: "shop",
  service: "web",
  ref: "shop-web-1",
};

describe("historyUrl", () => {
  it("asks a host's totals, a container's series, and a service's series joined through one of its containers", () => {
    expect(historyUrl(host, "cpu", 1000, 2000)).toBe(
      "/api/v1/hosts/edge%201/history?metric=cpu&from=1000&to=2000",
    );
    expect(historyUrl(container, "memory", 1, 2)).toBe(
      "/api/v1/hosts/local/containers/abc%2Fdef/history?metric=memory&from=1&to=2",
    );
    expect(historyUrl(service, "pids", 1, 2)).toBe(
      "/api/v1/hosts/local/containers/shop-web-1/history?metric=pids&from=1&to=2&by=service",
    );
  });
});

describe("historyKey", () => {
  it("keys a service by its name, so asking through another container after a recreate keeps the charts", () => {
    const recreated = { ...service, ref: "shop-web-2" };
    expect(historyKey(recreated, "24h")).toEqual(historyKey(service, "24h"));
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

describe("serviceSource", () => {
  const c = (name: string, state: string) => ({ name, state });

  it("asks through a running container first", () => {
    const s = serviceSource("local", "shop", {
      name: "web",
      containers: [c("shop-web-1", "exited"), c("shop-web-2", "running")],
    });
    expect(s).toEqual({
      kind: "service",
      hostId: "local",
      project: "shop",
      service: "web",
      ref: "shop-web-2",
    });
  });

  it("asks through a stopped one when none runs, since the service's history outlives its containers", () => {
    expect(
      serviceSource("local", "shop", { name: "web", containers: [c("shop-web-1", "exited")] }),
    ).toMatchObject({
      ref: "shop-web-1",
    });
  });

  it("has nothing to ask through while the service has no container", () => {
    expect(serviceSource("local", "shop", { name: "web", containers: [] })).toBeUndefined();
  });
});

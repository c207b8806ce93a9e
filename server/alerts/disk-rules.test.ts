import { describe, expect, it } from "vitest";
import type { Rule } from "../../lib/alerts";
import type { DiskFigure } from "../../lib/disk";
import type { DiskReading, DiskSpace, VolumeDisk } from "../engines/disk-space";
import type { HostRegistry } from "../engines/host-registry";
import type { Firing, StoredAlert } from "./alert-store";
import { DiskRules } from "./disk-rules";
import type { AlertActions } from "./subjects";

const GiB = 1024 ** 3;
const fig = (percent: number): DiskFigure => ({
  size: 100 * GiB,
  used: percent * GiB,
  free: (100 - percent) * GiB,
  percent,
});

function rule(id: number, percent: number, scope: Rule["scope"] = {}): Rule {
  return {
    id,
    name: `r${id}`,
    kind: "disk",
    enabled: true,
    scope,
    params: { percent },
    targets: [],
    cooldownSeconds: 0,
    createdAt: 0,
    createdBy: "t",
  };
}

function reading(at: number, root: number, volumes: VolumeDisk[] = []): DiskReading {
  return {
    disk: { state: "known", ...fig(root), path: "/var/lib/docker", how: "local", at },
    volumes,
    ms: 1,
  };
}

const vol = (
  name: string,
  percent: number,
  own: boolean,
  labels: Record<string, string> = {},
): VolumeDisk => ({
  name,
  labels,
  own,
  figure: fig(percent),
});

/** One host "h1"; the store keeps open alerts by rule and subject, as the real one does. */
function setup() {
  let current: DiskReading | undefined;
  const open = new Map<string, StoredAlert>();
  const fired: Firing[] = [];
  const resolved: string[] = [];
  let id = 0;
  const act: AlertActions = {
    store: {
      openAlert: (ruleId: number, subject: string) => open.get(`${ruleId}|${subject}`),
      firing: () => [...open.values()],
    } as unknown as AlertActions["store"],
    fire: (r, f) => {
      fired.push(f);
      const k = `${r.id}|${f.subject}`;
      if (!open.has(k))
        open.set(k, { ...f, id: ++id, ruleId: r.id, subject: f.subject } as unknown as StoredAlert);
    },
    resolve: (_r, a) => {
      resolved.push(a.subject);
      open.delete(`${a.ruleId}|${a.subject}`);
    },
  };
  const host = { isUp: true };
  const hosts = { ids: () => ["h1"], find: () => host } as unknown as HostRegistry;
  const disk = { latest: () => current } as unknown as DiskSpace;
  return {
    rules: new DiskRules(hosts, disk, act),
    set: (r: DiskReading | undefined) => (current = r),
    fired,
    resolved,
    open,
    host,
  };
}

describe("DiskRules", () => {
  it("watches the data root and volumes of their own filesystem when the rule names none, not plain volumes", () => {
    const s = setup();
    s.set(reading(1, 95, [vol("plain", 95, false), vol("cache", 97, true), vol("tmp", 10, true)]));
    s.rules.check([rule(1, 90)], 0);
    expect(s.fired.map((f) => f.subject)).toEqual(["disk:h1", "volume:h1/cache"]);
    expect(s.fired[0]?.details).toMatchObject({
      path: "/var/lib/docker",
      percent: 95,
      threshold: 90,
      used: "95.0 GiB",
      size: "100 GiB",
    });
    expect(s.fired[1]).toMatchObject({ details: { volume: "cache", percent: 97 }, labels: {} });
  });

  it("watches the volumes a label or stack names, plain ones by the volume store's figure, and never the host itself", () => {
    const s = setup();
    const shop = { "com.docker.compose.project": "shop" };
    s.set(reading(1, 95, [vol("shop_db", 95, false, shop), vol("other", 99, true)]));
    s.rules.check([rule(1, 90, { stack: "shop" })], 0);
    expect(s.fired.map((f) => f.subject)).toEqual(["volume:h1/shop_db"]);
    expect(s.fired[0]).toMatchObject({ project: "shop", labels: shop });
  });

  it("weighs each reading once, resolves at or below the threshold, and resolves a volume no longer measured", () => {
    const s = setup();
    const r = rule(1, 90);
    s.set(reading(1, 95, [vol("cache", 97, true)]));
    s.rules.check([r], 0);
    s.rules.check([r], 1000);
    expect(s.fired).toHaveLength(2);
    s.set(reading(2, 90, [vol("cache", 97, true)]));
    s.rules.check([r], 2000);
    expect(s.resolved).toEqual(["disk:h1"]);
    // The tmpfs volume's container stopped: it is no longer mounted, so no longer full.
    s.set(reading(3, 50, []));
    s.rules.check([r], 3000);
    expect(s.resolved).toEqual(["disk:h1", "volume:h1/cache"]);
    expect(s.open.size).toBe(0);
  });

  it("neither fires nor resolves on an unknown disk or a host that is down, and leaves hosts out of the rule's scope", () => {
    const s = setup();
    const r = rule(1, 90);
    s.set(reading(1, 95));
    s.rules.check([r], 0);
    expect(s.open.size).toBe(1);
    s.set({ disk: { state: "unknown", reason: "failed", detail: "x", at: 2 }, volumes: [], ms: 0 });
    s.rules.check([r], 1000);
    s.set(reading(3, 10));
    s.host.isUp = false;
    s.rules.check([r], 2000);
    expect(s.resolved).toEqual([]);
    s.host.isUp = true;
    s.rules.check([rule(2, 1, { hosts: ["h2"] })], 3000);
    expect(s.fired).toHaveLength(1);
  });
});

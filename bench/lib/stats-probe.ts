/**
 * Loaded into the bench's Wharf child with `--import` (after tsx): every 100 ms it writes the stats
 * hubs' counters as one JSON line to fd 3, which the bench reads. Nothing else in the child changes.
 */
import fs from "node:fs";
import { liveStatsHubs } from "../../server/realtime/streams/stats";
import type { StatsHubCounters } from "../../server/realtime/streams/stats-hub";

const out = fs.createWriteStream("", { fd: 3 });
out.on("error", () => clearInterval(timer));

const timer = setInterval(() => {
  const sum: StatsHubCounters = { upstream: 0, local: 0, entries: 0, subscriptions: 0, produced: 0 };
  for (const hub of liveStatsHubs) {
    const c = hub.counters();
    for (const k of Object.keys(sum) as (keyof StatsHubCounters)[]) sum[k] += c[k];
  }
  out.write(`${JSON.stringify({ at: Date.now(), ...sum })}\n`);
}, 100);
timer.unref();

import type { EngineEventList } from "@/lib/system";

/** An event's time as the table shows it: UTC, month to second. */
export const eventTime = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(5, 19);

/** What the recent-events card says about where its list comes from and how far back it is whole. */
export function eventsCoverage(list: Pick<EngineEventList, "source" | "truncated" | "coveredFrom">): string {
  const parts = [
    list.source === "recent" && list.coveredFrom !== undefined
      ? `every event since ${eventTime(list.coveredFrom * 1000)} UTC`
      : list.source === "engine"
        ? "from the engine's own buffer while Wharf reconnects its event stream"
        : "",
    list.truncated ? "newest 100 shown" : "",
  ];
  return parts.filter(Boolean).join(" · ");
}

import { MergedLogsPanel } from "@/components/logs/MergedLogsPanel";

type Params = Record<string, string | string[] | undefined>;
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** `?c=host/id&c=host/id`, or `?label=key=value&host=…`: several containers' logs in one view. */
export default async function LogsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = await searchParams;
  return <MergedLogsPanel query={{ c: all(p.c), label: all(p.label)[0], host: all(p.host)[0] }} />;
}

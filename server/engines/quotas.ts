import type Dockerode from "dockerode";
import { summarizeHost, type HostQuotaSummary, type QuotaRow } from "../../lib/quotas";
import type { ContainerSummary } from "../../lib/types";
import { engineInfo } from "./docker-client";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
import { readLimits } from "../../lib/quotas";
import { mapLimit } from "../map-limit";

/** At most this many inspects in flight per host: a big host must not be flooded. */
const INSPECT_CONCURRENCY = 8;

/** Limits of the given containers (already scope-filtered), and the host's totals against its capacity. */
export async function hostQuotas(
  host: HostConnection,
  containers: ContainerSummary[],
): Promise<{ items: QuotaRow[]; summary: HostQuotaSummary }> {
  const [info, inspected] = await Promise.all([
    engineCall(host, (signal) => engineInfo(host.docker, signal)),
    mapLimit(containers, INSPECT_CONCURRENCY, (c) =>
      engineCall(host, (abortSignal) => host.docker.getContainer(c.id).inspect({ abortSignal })).catch(
        () => undefined as Dockerode.ContainerInspectInfo | undefined,
      ),
    ),
  ]);
  const items: QuotaRow[] = [];
  containers.forEach((c, i) => {
    const doc = inspected[i];
    // Gone between list and inspect: it simply is not there any more.
    if (!doc) return;
    items.push({
      hostId: host.spec.id,
      id: c.id,
      name: c.name,
      state: doc.State?.Status ?? c.state,
      limits: readLimits(doc.HostConfig as unknown as Record<string, unknown>),
    });
  });
  const summary = summarizeHost(host.spec.id, Number(info.NCPU ?? 0), Number(info.MemTotal ?? 0), items);
  return { items, summary };
}

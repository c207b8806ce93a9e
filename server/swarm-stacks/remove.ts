/**
 * `docker stack rm`: the stack's services, then — once their tasks have let go — its networks,
 * configs and secrets, everything found by the namespace label. External objects carry no such
 * label and stay. The stack's named volumes stay too, as with the CLI: they hold data, on each node.
 */
import { classifyEngineError } from "../engines/engine-error";
import type { HostConnection } from "../engines/host-connection";
import { listObjects, listTasks, removeObject, removeService } from "../swarm/engine";
import type { StackProgress } from "./apply";
import { STACK_NAMESPACE } from "./labels";
import { swarmStackOf } from "./list";

const TASKS_GONE_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

export async function removeSwarmStack(
  host: HostConnection,
  namespace: string,
  job: StackProgress,
): Promise<void> {
  const label = `${STACK_NAMESPACE}=${namespace}`;
  const services = await swarmStackOf(host, namespace);
  const names = services.map((s) => s.Spec?.Name ?? s.ID);
  job.plan(names);
  for (const [i, s] of services.entries()) {
    const name = names[i] ?? s.ID;
    try {
      job.service(name, "working", `removing ${name}`);
      await removeService(host, s.ID);
      job.service(name, "done", `removed ${name}`);
    } catch (err) {
      job.service(name, "failed", classifyEngineError(err, host.spec.id).message);
    }
  }
  // A network is refused while a task's container is still attached: wait for the tasks to go.
  const until = Date.now() + TASKS_GONE_MS;
  while (services.length && Date.now() < until) {
    const left = await listTasks(host, { label: [label] }).catch(() => []);
    if (!left.some((t) => t.Status?.State === "running" || t.Status?.State === "starting")) break;
    await sleep(500);
  }
  const networks = (await host.docker.listNetworks({ filters: { label: [label] } })) as {
    Id: string;
    Name: string;
  }[];
  for (const n of networks) {
    let last: unknown;
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        await host.docker.getNetwork(n.Id).remove();
        job.log(`removed network ${n.Name}`);
        last = undefined;
        break;
      } catch (err) {
        last = err;
        await sleep(1000);
      }
    }
    if (last) job.log(`network ${n.Name} was kept: ${classifyEngineError(last, host.spec.id).message}`);
  }
  for (const kind of ["configs", "secrets"] as const) {
    for (const o of await listObjects(host, kind)) {
      if (o.Spec?.Labels?.[STACK_NAMESPACE] !== namespace) continue;
      try {
        await removeObject(host, kind, o.ID);
        job.log(`removed ${kind.slice(0, -1)} ${o.Spec?.Name ?? o.ID}`);
      } catch (err) {
        job.log(
          `${kind.slice(0, -1)} ${o.Spec?.Name ?? o.ID} was kept: ${classifyEngineError(err, host.spec.id).message}`,
        );
      }
    }
  }
}

import type { HostConnection } from "../engines/host-connection";
import { listNodes, listTasks } from "./engine";
import type { EngineService } from "./engine-types";
import { labelLine, taskIdOf } from "./service-logs";
import { toTask } from "./views";

/** A line naming a task not seen yet (a restart, a scale-up) looks the names up again, at most this often. */
const RELOAD_MS = 5000;

/**
 * The task and node names that label a service's log lines, looked up when its logs are opened, and
 * again when a line names a task that came later.
 */
export class ServiceLogNames {
  readonly tasks = new Map<string, string>();
  readonly nodes = new Map<string, string>();
  private loadedAt = 0;

  constructor(
    private readonly host: HostConnection,
    private readonly service: EngineService,
  ) {}

  /** Node names are a courtesy: a list that fails leaves the short node ids. */
  async load(): Promise<void> {
    this.loadedAt = Date.now();
    const [tasks, nodes] = await Promise.all([
      listTasks(this.host, { service: [this.service.ID] }),
      listNodes(this.host).catch(() => []),
    ]);
    for (const t of tasks) this.tasks.set(t.ID, toTask(t, this.service.Spec?.Name).name);
    for (const n of nodes) this.nodes.set(n.ID, n.Description?.Hostname ?? n.ID.slice(0, 12));
  }

  /** `text` (the line after its timestamp) as `name.slot.task@node | text`. */
  label(text: string): string {
    const task = taskIdOf(text);
    if (task && !this.tasks.has(task) && Date.now() - this.loadedAt >= RELOAD_MS)
      void this.load().catch(() => {});
    return labelLine(text, this.tasks, this.nodes);
  }
}

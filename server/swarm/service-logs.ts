import { Transform, type TransformCallback } from "node:stream";

/** With `details`, each line of a service's log starts with the swarm's labels for the task that wrote it. */
const DETAILS = /^(\S*com\.docker\.swarm\.[^ ]*) (.*)$/s;

/** The task id among a line's detail labels, if it has them. */
export function taskIdOf(line: string): string | undefined {
  const m = DETAILS.exec(line);
  return m ? /(?:^|,)com\.docker\.swarm\.task\.id=([^,]*)/.exec(m[1] ?? "")?.[1] : undefined;
}

/**
 * `web.2.ab12cd34ef56@node1 | text`, the way `docker service logs` names a line's task and node,
 * from the engine's detail labels; a line without them is left as it is.
 */
export function labelLine(
  line: string,
  taskNames: Map<string, string>,
  nodeNames: Map<string, string>,
): string {
  const m = DETAILS.exec(line);
  if (!m) return line;
  const attrs = new Map<string, string>();
  for (const kv of (m[1] ?? "").split(",")) {
    const at = kv.indexOf("=");
    if (at > 0) attrs.set(kv.slice(0, at), kv.slice(at + 1));
  }
  const task = attrs.get("com.docker.swarm.task.id") ?? "";
  const node = attrs.get("com.docker.swarm.node.id") ?? "";
  const name = `${taskNames.get(task) ?? "task"}.${task.slice(0, 12)}`;
  return `${name}@${nodeNames.get(node) ?? node.slice(0, 12)} | ${m[2] ?? ""}`;
}

/** Rewrites whole lines as they pass; a partial last line waits for the rest. */
export class ServiceLogLines extends Transform {
  private rest = "";

  constructor(
    private readonly taskNames: Map<string, string>,
    private readonly nodeNames: Map<string, string>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const lines = (this.rest + chunk.toString("utf8")).split("\n");
    this.rest = lines.pop() ?? "";
    if (lines.length)
      this.push(lines.map((l) => labelLine(l, this.taskNames, this.nodeNames)).join("\n") + "\n");
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.rest) this.push(labelLine(this.rest, this.taskNames, this.nodeNames));
    done();
  }
}

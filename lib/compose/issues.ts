/** Paths into the compose document, and the problems found at them while loading. */

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface PathIssue {
  path: Path;
  message: string;
}

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;
/** A first segment may hold dots, for issues in the stack's other files such as `.env`. */
const FIRST_KEY = /^[A-Za-z0-9_.-]+$/;

/** `["services", "web", "ports", 0]` → `services.web.ports[0]`; odd keys are quoted: `labels["com.example"]`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (out === "" && FIRST_KEY.test(seg)) out = seg;
    else if (PLAIN_KEY.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Collects issues once each, in the order found. */
export class Issues {
  readonly list: PathIssue[] = [];
  private readonly seen = new Set<string>();
  private settled = new Set<string>();

  add(path: Path, message: string): void {
    const p = formatPath(path);
    const key = `${p}\0${message}`;
    if (this.seen.has(key) || this.settled.has(p)) return;
    this.seen.add(key);
    this.list.push({ path, message });
  }

  /** Paths reported so far take no further issues: a value already refused is not refused again. */
  settle(): void {
    this.settled = new Set(this.list.map((i) => formatPath(i.path)));
  }

  has(path: Path): boolean {
    const p = formatPath(path);
    return this.list.some((i) => formatPath(i.path) === p);
  }

  get size(): number {
    return this.list.length;
  }
}

/** A value quoted for a message. */
export function q(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

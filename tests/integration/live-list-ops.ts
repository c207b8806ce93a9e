/**
 * A seeded plan of docker CLI operations over two engines, for the live-list correctness test.
 * Pure: the same seed and prefix give the same plan, so a failing run replays from its printed seed.
 * The plan is drawn from a model of each container's state, so every operation is valid for the
 * state the model predicts. Containers whose program ends by itself ("mortal") may be exited
 * whenever the model says running or paused; operations the engine would then refuse are marked racy.
 */

export const LIVE_ENGINES = ["local", "edge"] as const;
export type LiveEngine = (typeof LIVE_ENGINES)[number];

export const OP_KINDS = [
  "create",
  "run-detached",
  "run-exits",
  "start",
  "stop",
  "kill",
  "pause",
  "unpause",
  "restart",
  "rename",
  "rm",
] as const;
export type OpKind = (typeof OP_KINDS)[number];

export type ModelState = "created" | "running" | "paused" | "exited";

export interface Op {
  index: number;
  engine: LiveEngine;
  kind: OpKind;
  /** The container's name before the operation. */
  target: string;
  /** docker CLI arguments, after `-H`. */
  args: string[];
  /** The engine may refuse it because the container already exited on its own. */
  racy: boolean;
  /** What the CLI exits with on success: a foreground run returns its container's code. */
  exitCode: number;
  /** The model's state of the target after the operation; undefined once removed. */
  after?: ModelState;
}

export interface Plan {
  seed: number;
  ops: Op[];
  /** The engine is killed and restarted after this many operations. */
  outage: { afterOps: number; engine: LiveEngine };
}

export const IMAGE = "local/busybox:1.35";

const PROGRAMS = {
  // Stops at once on TERM: the shell waits on a background sleep, so the trap runs immediately.
  trap: ["sh", "-c", 'trap "exit 143" TERM; sleep 100000 & wait'],
  // PID 1 ignores TERM, so a stop always waits out its timeout and ends in SIGKILL.
  sleep: ["sleep", "100000"],
  exit3: ["sh", "-c", "exit 3"],
  brief: ["sh", "-c", "sleep 1; exit 0"],
} as const satisfies Record<string, readonly string[]>;
type Program = keyof typeof PROGRAMS;

const MORTAL: Record<Program, boolean> = { trap: false, sleep: false, exit3: true, brief: true };

interface ModelContainer {
  name: string;
  program: Program;
  state: ModelState;
}

/** mulberry32: small, fast and good enough to drive a test. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Which existing-container operations each model state allows. */
const VALID: Record<ModelState, readonly OpKind[]> = {
  created: ["start", "restart", "rename", "rm"],
  running: ["stop", "kill", "pause", "restart", "rename", "rm"],
  paused: ["unpause", "kill", "stop", "restart", "rename", "rm"],
  exited: ["start", "restart", "rename", "rm"],
};

const WEIGHTS: Record<OpKind, number> = {
  create: 8,
  "run-detached": 8,
  "run-exits": 3,
  start: 10,
  stop: 8,
  kill: 7,
  pause: 8,
  unpause: 9,
  restart: 6,
  rename: 6,
  rm: 7,
};

const CREATORS: readonly OpKind[] = ["create", "run-detached", "run-exits"];
const MAX_PER_ENGINE = 10;
const LABEL_KEYS = ["team", "tier", "wharf.test/role", "flag"] as const;
const LABEL_VALUES = ["a", "b", "blue-green", "x=y", ""] as const;

export function generatePlan(seed: number, prefix: string, count = 200): Plan {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => rnd() < p;
  const engines: Record<LiveEngine, ModelContainer[]> = { local: [], edge: [] };
  let serial = 0;
  const outage = { afterOps: Math.floor(count / 2), engine: pick(LIVE_ENGINES) };

  function createArgs(name: string, program: Program): string[] {
    const args = ["--name", name, "--network", "none"];
    const keys = new Set<string>();
    const labels = chance(0.5) ? 1 + int(3) : 0;
    for (let i = 0; i < labels; i++) keys.add(pick(LABEL_KEYS));
    for (const k of keys) {
      const v = pick(LABEL_VALUES);
      // `--label key` (no "=") also gives an empty value: both spellings are exercised.
      args.push("--label", v === "" && chance(0.5) ? k : `${k}=${v}`);
    }
    if (chance(0.3)) args.push("--expose", pick(["80", "7000-7002/udp", "9000/tcp"]));
    // Accepted by the engine with network none, but nothing is published: the lists must agree on that too.
    if (chance(0.2)) args.push("-p", `127.0.0.1:${20000 + serial}:8080`);
    return [...args, IMAGE, ...PROGRAMS[program]];
  }

  function stopTimeout(c: ModelContainer): string {
    return c.program === "trap" ? "2" : pick(["0", "1"]);
  }

  function step(index: number): Op {
    const engine = pick(LIVE_ENGINES);
    const pool = engines[engine];
    const kinds = OP_KINDS.filter((k) =>
      CREATORS.includes(k) ? true : pool.some((c) => VALID[c.state].includes(k)),
    );
    const weight = (k: OpKind) => {
      if (CREATORS.includes(k)) return pool.length >= MAX_PER_ENGINE ? 0.5 : WEIGHTS[k];
      return k === "rm" && pool.length >= MAX_PER_ENGINE ? WEIGHTS[k] * 3 : WEIGHTS[k];
    };
    let r = rnd() * kinds.reduce((s, k) => s + weight(k), 0);
    // Creating is always valid, so it also absorbs a rounding remainder.
    const kind = kinds.find((k) => (r -= weight(k)) < 0) ?? "create";

    if (CREATORS.includes(kind)) {
      const name = `${prefix}-c${++serial}`;
      const program: Program =
        kind === "create"
          ? pick(["trap", "sleep", "exit3", "brief"] as const)
          : kind === "run-detached"
            ? pick(["trap", "trap", "sleep", "brief"] as const)
            : pick(["exit3", "exit3", "brief"] as const);
      const state: ModelState =
        kind === "create" ? "created" : kind === "run-detached" ? "running" : "exited";
      pool.push({ name, program, state });
      const verb = kind === "create" ? ["create"] : kind === "run-detached" ? ["run", "-d"] : ["run"];
      return {
        index,
        engine,
        kind,
        target: name,
        args: [...verb, ...createArgs(name, program)],
        racy: false,
        exitCode: kind === "run-exits" && program === "exit3" ? 3 : 0,
        after: state,
      };
    }

    const c = pick(pool.filter((x) => VALID[x.state].includes(kind)));
    const target = c.name;
    const racy =
      MORTAL[c.program] &&
      (c.state === "running" || c.state === "paused") &&
      (kind === "kill" || kind === "pause" || kind === "unpause");
    let args: string[];
    switch (kind) {
      case "start":
        args = ["start", target];
        c.state = "running";
        break;
      case "stop":
        args = ["stop", "-t", stopTimeout(c), target];
        c.state = "exited";
        break;
      case "kill":
        args = ["kill", target];
        c.state = "exited";
        break;
      case "pause":
        args = ["pause", target];
        c.state = "paused";
        break;
      case "unpause":
        args = ["unpause", target];
        c.state = "running";
        break;
      case "restart":
        args = ["restart", "-t", stopTimeout(c), target];
        c.state = "running";
        break;
      case "rename":
        c.name = `${prefix}-r${++serial}`;
        args = ["rename", target, c.name];
        break;
      default: {
        const live = c.state === "running" || c.state === "paused";
        args = live || chance(0.3) ? ["rm", "-f", target] : ["rm", target];
        pool.splice(pool.indexOf(c), 1);
        return { index, engine, kind, target, args, racy: false, exitCode: 0 };
      }
    }
    return { index, engine, kind, target, args, racy, exitCode: 0, after: c.state };
  }

  const ops: Op[] = [];
  for (let i = 0; i < count; i++) {
    if (i === outage.afterOps) {
      // Without live-restore, an engine that comes back kills what was running or paused.
      for (const c of engines[outage.engine])
        if (c.state === "running" || c.state === "paused") c.state = "exited";
    }
    ops.push(step(i));
  }
  return { seed, ops, outage };
}

export function describeOp(op: Op): string {
  return `#${op.index} ${op.kind} on ${op.engine}: docker ${op.args.join(" ")}`;
}

import type { ContainerState } from "../../../lib/types";
import type { ContainerInspect } from "../engine-types";

/**
 * What a container list's `Status` text is made of, read once from the container's inspect document,
 * so the text can be written at any later moment without asking the engine again.
 */
export interface StatusClock {
  running: boolean;
  paused: boolean;
  restarting: boolean;
  removing: boolean;
  dead: boolean;
  /** Epoch ms with sub-millisecond precision; undefined when the engine says "never". */
  startedAt?: number;
  finishedAt?: number;
  exitCode: number;
  /** "starting", "healthy" or "unhealthy", when the container has a health check. */
  health?: string;
}

/**
 * An RFC 3339 time as epoch ms, keeping the nanoseconds the engine writes (Date.parse drops them),
 * so a duration crosses a whole second at the same instant as on the engine. The engine's zero time
 * (year 1) is "never".
 */
export function engineTimeMs(text: string | null | undefined): number | undefined {
  if (!text || text.startsWith("0001-")) return undefined;
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) {
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? ms : undefined;
  }
  const whole = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(whole)) return undefined;
  const fraction = m[2] ? Number(`0.${m[2]}`) * 1000 : 0;
  return whole + fraction;
}

export function statusClockOf(inspect: ContainerInspect): StatusClock {
  const s = inspect.State ?? {};
  const startedAt = engineTimeMs(s.StartedAt);
  const finishedAt = engineTimeMs(s.FinishedAt);
  const health = s.Health?.Status;
  return {
    running: s.Running === true,
    paused: s.Paused === true,
    restarting: s.Restarting === true,
    removing: s.Status === "removing",
    dead: s.Dead === true,
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(finishedAt !== undefined ? { finishedAt } : {}),
    exitCode: s.ExitCode ?? 0,
    ...(health && health !== "none" ? { health } : {}),
  };
}

/** The list's `State` word, from the same clock (container/state.go, StateString). */
export function stateOf(c: StatusClock): ContainerState {
  if (c.running) return c.paused ? "paused" : c.restarting ? "restarting" : "running";
  if (c.removing) return "removing";
  if (c.dead) return "dead";
  return c.startedAt === undefined ? "created" : "exited";
}

/** The engine's rounding of a duration to words (go-units HumanDuration, as the 20.10 engines use it). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(ms / 3_600_000 / 24 / 365)} years`;
}

/**
 * The list's `Status` text at `now`, written the way the engine writes it (container/state.go, String):
 * "Up 5 seconds (healthy)", "Up 2 minutes (Paused)", "Exited (137) 3 hours ago", "Created".
 */
export function statusText(c: StatusClock, now: number): string {
  const since = (t: number | undefined) => humanDuration(now - (t ?? now));
  if (c.running) {
    if (c.paused) return `Up ${since(c.startedAt)} (Paused)`;
    if (c.restarting) return `Restarting (${c.exitCode}) ${since(c.finishedAt)} ago`;
    const health = c.health === "starting" ? "health: starting" : c.health;
    return health ? `Up ${since(c.startedAt)} (${health})` : `Up ${since(c.startedAt)}`;
  }
  if (c.removing) return "Removal In Progress";
  if (c.dead) return "Dead";
  if (c.startedAt === undefined) return "Created";
  if (c.finishedAt === undefined) return "";
  return `Exited (${c.exitCode}) ${since(c.finishedAt)} ago`;
}

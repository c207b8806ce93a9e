import type { JobLayer, LayerPhase } from "../../lib/images/types";

/** One JSON message of the engine's progress stream (pull, push, build, load). */
export interface EngineProgress {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  progress?: string;
  stream?: string;
  aux?: { ID?: string; Tag?: string; Digest?: string; Size?: number };
  error?: string;
  errorDetail?: { message?: string };
}

export interface ProgressState {
  layers: JobLayer[];
  /** The latest line not about one layer. */
  status?: string;
  error?: string;
  /** Complete output lines (build, load), bounded to the last `MAX_LOG_LINES`. */
  log: string[];
  /** How many lines were ever appended, so a reader can tell what is new even after trimming. */
  logTotal: number;
  /** Output text after the last newline, waiting for the rest of its line. */
  partial: string;
  imageId?: string;
  digest?: string;
  /** `Loaded image: …` names from an import. */
  loaded: string[];
}

export const MAX_LOG_LINES = 2000;
const MAX_LINE_CHARS = 4000;

export const emptyProgress = (): ProgressState => ({
  layers: [],
  log: [],
  logTotal: 0,
  partial: "",
  loaded: [],
});

const LAYER_ID = /^[0-9a-f]{12,64}$/;

const PHASES: [RegExp, LayerPhase][] = [
  [/^Pulling fs layer/, "waiting"],
  [/^Waiting/, "waiting"],
  [/^Preparing/, "waiting"],
  [/^Retrying in/, "waiting"],
  [/^Downloading/, "downloading"],
  [/^Verifying Checksum/, "verifying"],
  [/^Download complete/, "verifying"],
  [/^Extracting/, "extracting"],
  [/^Pull complete/, "done"],
  [/^Already exists/, "exists"],
  [/^Layer already exists/, "exists"],
  [/^Mounted from/, "exists"],
  [/^Pushing/, "pushing"],
  [/^Pushed/, "done"],
];

/** The phase a layer's status text means; undefined keeps the layer's current phase. */
export function phaseOf(status: string): LayerPhase | undefined {
  return PHASES.find(([re]) => re.test(status))?.[1];
}

/** Bytes only while they move: a finished phase drops them, and the engine's overshoot is clamped. */
function bytes(phase: LayerPhase, d: EngineProgress["progressDetail"]): Pick<JobLayer, "current" | "total"> {
  if (phase !== "downloading" && phase !== "extracting" && phase !== "pushing") return {};
  const total = typeof d?.total === "number" && d.total > 0 ? d.total : undefined;
  const raw = typeof d?.current === "number" && d.current >= 0 ? d.current : undefined;
  const current = raw !== undefined && total !== undefined ? Math.min(raw, total) : raw;
  return { ...(current !== undefined ? { current } : {}), ...(total !== undefined ? { total } : {}) };
}

function updateLayer(
  layers: JobLayer[],
  id: string,
  status: string,
  d: EngineProgress["progressDetail"],
): JobLayer[] {
  const i = layers.findIndex((l) => l.id === id);
  const prev = i >= 0 ? layers[i] : undefined;
  const phase = phaseOf(status) ?? prev?.phase ?? "waiting";
  const next: JobLayer = { id, phase, status, ...bytes(phase, d) };
  if (!prev) return [...layers, next];
  const copy = layers.slice();
  copy[i] = next;
  return copy;
}

function appendText(s: ProgressState, text: string): ProgressState {
  const parts = (s.partial + text).split(/\r?\n/);
  const partial = (parts.pop() ?? "").slice(-MAX_LINE_CHARS);
  if (!parts.length) return { ...s, partial };
  const lines = parts.map((l) => l.slice(0, MAX_LINE_CHARS));
  const loaded = lines
    .map((l) => /^Loaded image(?: ID)?: (.+)$/.exec(l)?.[1]?.trim())
    .filter((x): x is string => !!x);
  const log = s.log.concat(lines);
  return {
    ...s,
    partial,
    log: log.length > MAX_LOG_LINES ? log.slice(-MAX_LOG_LINES) : log,
    logTotal: s.logTotal + lines.length,
    ...(loaded.length ? { loaded: s.loaded.concat(loaded) } : {}),
  };
}

/** Folds one engine message into the job's progress; pure, so it is tested against captured streams. */
export function reduceProgress(s: ProgressState, m: EngineProgress): ProgressState {
  let next = s;
  const error = m.errorDetail?.message || m.error;
  if (error) next = { ...next, error };
  if (typeof m.stream === "string" && m.stream) next = appendText(next, m.stream);
  if (m.aux?.ID) next = { ...next, imageId: m.aux.ID };
  if (m.aux?.Digest) next = { ...next, digest: m.aux.Digest };
  if (typeof m.status === "string" && m.status) {
    if (m.id && LAYER_ID.test(m.id))
      next = { ...next, layers: updateLayer(next.layers, m.id, m.status, m.progressDetail) };
    else next = { ...next, status: m.id ? `${m.id}: ${m.status}` : m.status };
  }
  return next;
}

/** Output still waiting for its newline is a line once the stream ends. */
export function finishProgress(s: ProgressState): ProgressState {
  return s.partial ? { ...appendText(s, "\n"), partial: "" } : s;
}

/** Splits a byte stream of JSON messages (one per line, or back to back) into parsed messages. */
export class ProgressParser {
  private buf = "";

  push(chunk: string): EngineProgress[] {
    this.buf += chunk;
    const out: EngineProgress[] = [];
    let nl: number;
    while ((nl = this.buf.indexOf("\n")) >= 0) {
      const line = this.buf.slice(0, nl).trim();
      this.buf = this.buf.slice(nl + 1);
      if (line) out.push(parseLine(line));
    }
    return out;
  }

  end(): EngineProgress[] {
    const line = this.buf.trim();
    this.buf = "";
    return line ? [parseLine(line)] : [];
  }
}

function parseLine(line: string): EngineProgress {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === "object" ? v : { stream: `${line}\n` };
  } catch {
    return { stream: `${line}\n` };
  }
}

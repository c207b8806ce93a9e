import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageOf } from "../../lib/errors";
import type { ContainerList, HostSummary } from "../../lib/types";
import {
  RUN_ID,
  docker,
  enginesScript,
  killEngine,
  login,
  removeByPrefix,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";
import { LIVE_ENGINES, OP_KINDS, describeOp, generatePlan, type LiveEngine, type Op } from "./live-list-ops";
import { diffRows, parseCliRows, renderRows, wharfRows, type Row } from "./live-list-rows";

const P = `${RUN_ID}-ll`;
const STEPS = 200;
/** Replay a failing sequence with LIVE_LIST_SEED=<the seed it printed>. */
const SEED = process.env.LIVE_LIST_SEED ? Number(process.env.LIVE_LIST_SEED) : randomInt(2 ** 31);
if (!Number.isSafeInteger(SEED) || SEED < 0)
  throw new Error(`LIVE_LIST_SEED must be a whole number, not ${JSON.stringify(process.env.LIVE_LIST_SEED)}`);
const plan = generatePlan(SEED, P, STEPS);
const STEP_DEADLINE_MS = 1000;
/** After a killed engine answers _ping again, Wharf has this long to list it as the CLI does. */
const RETURN_DEADLINE_MS = 10_000;
const REPLAY = `seed ${SEED} (replay with LIVE_LIST_SEED=${SEED})`;

type ErrorBody = { error?: { code: string; message: string } };
type Agreement = {
  ok: boolean;
  ms: number;
  attempts: number;
  rows: Row[];
  report: string;
  /** What the first try that disagreed saw, in one line. */
  firstMiss: string;
};

let srv: TestServer;
let admin: Client;

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
});

afterAll(async () => {
  // Whatever failed, the killed engine comes back for the next test file before cleanup needs it.
  await enginesScript("start-engine", plan.outage.engine).catch((e) =>
    console.error(`live-list: restarting ${plan.outage.engine} failed: ${messageOf(e)}`),
  );
  await removeByPrefix(P);
  await srv?.stop();
});

async function cli(engine: LiveEngine, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await docker(engine, ...args);
    return { code: 0, stderr: "" };
  } catch (e) {
    const err = e as { code?: unknown; stderr?: unknown };
    const stderr = typeof err.stderr === "string" && err.stderr.trim() ? err.stderr.trim() : messageOf(e);
    return { code: typeof err.code === "number" ? err.code : -1, stderr };
  }
}

/** Both sides taken together; a route that refuses is reported as its error. */
async function snapshot(engine: LiveEngine): Promise<{ cli: Row[]; routes: [string, Row[] | string][] }> {
  const hostRoute = `/api/v1/hosts/${engine}/containers`;
  const mergedRoute = `/api/v1/containers?host=${engine}&name=${P}`;
  const [out, host, merged] = await Promise.all([
    docker(engine, "ps", "-a", "--no-trunc", "--filter", `name=${P}`, "--format", "{{json .}}"),
    admin.get<ContainerList & ErrorBody>(hostRoute),
    admin.get<ContainerList & ErrorBody>(mergedRoute),
  ]);
  const refused = merged.body.errors?.find((e) => e.hostId === engine);
  return {
    cli: parseCliRows(out, P),
    routes: [
      [
        hostRoute,
        host.status === 200 ? wharfRows(host.body.items, P) : `${host.status} ${JSON.stringify(host.body)}`,
      ],
      [
        mergedRoute,
        merged.status !== 200
          ? `${merged.status} ${JSON.stringify(merged.body)}`
          : refused
            ? `host error ${JSON.stringify(refused)}`
            : wharfRows(
                merged.body.items.filter((c) => c.hostId === engine),
                P,
              ),
      ],
    ],
  };
}

/** Status text is relative to now, so both sides are re-taken on every try. */
async function agree(engine: LiveEngine, deadlineMs: number): Promise<Agreement> {
  const t0 = Date.now();
  let attempts = 0;
  let report = "";
  let firstMiss = "";
  for (;;) {
    attempts++;
    try {
      const s = await snapshot(engine);
      const problems = s.routes.flatMap(([route, side]) => {
        if (typeof side === "string") return [`  GET ${route} answered ${side}`];
        const lines = diffRows(s.cli, side);
        return lines.length ? [`  GET ${route} differs from the CLI:`, ...lines.map((l) => `    ${l}`)] : [];
      });
      if (!problems.length)
        return { ok: true, ms: Date.now() - t0, attempts, rows: s.cli, report: "", firstMiss };
      report = [`  docker ps -a on ${engine} lists:`, renderRows(s.cli), ...problems].join("\n");
      firstMiss ||= problems
        .slice(0, 2)
        .map((l) => l.trim())
        .join(" ");
    } catch (e) {
      report = `  taking the snapshots failed: ${messageOf(e)}`;
      firstMiss ||= report.trim();
    }
    if (Date.now() - t0 >= deadlineMs)
      return { ok: false, ms: Date.now() - t0, attempts, rows: [], report, firstMiss };
    await new Promise((r) => setTimeout(r, 20));
  }
}

function mustAgree(a: Agreement, what: string, context = ""): Agreement {
  if (!a.ok)
    throw new Error(
      `${REPLAY}, ${what}: Wharf's list still differs from docker ps -a after ${a.ms} ms (${a.attempts} tries)\n${a.report}${context}`,
    );
  return a;
}

/** The operations that led to a step on its engine, for the failure report. */
function recentOn(op: Op): string {
  const before = plan.ops.filter((o) => o.engine === op.engine && o.index < op.index).slice(-10);
  const outage = plan.outage.engine === op.engine && plan.outage.afterOps <= op.index;
  return [
    `\n  the operations before it on ${op.engine}${outage ? ` (killed and restarted before #${plan.outage.afterOps})` : ""}:`,
    ...before.map((o) => `    ${describeOp(o)} (model: ${o.after ?? "removed"})`),
  ].join("\n");
}

/** Kills one engine mid-sequence: its list must be refused while it is down, then agree again once it is back. */
async function outage(engine: LiveEngine): Promise<{ downMs: number; backMs: number }> {
  const other = LIVE_ENGINES.find((e) => e !== engine) as LiveEngine;
  for (const e of LIVE_ENGINES)
    mustAgree(await agree(e, STEP_DEADLINE_MS), `${e} before ${engine} is killed`);
  killEngine(engine);
  const killedAt = Date.now();
  await waitFor(
    async () => {
      const r = await admin.get<{ items: HostSummary[] }>("/api/v1/hosts");
      return r.body.items.find((h) => h.id === engine)?.status === "down" || undefined;
    },
    5000,
    `Wharf to report ${engine} down (${REPLAY})`,
  );
  const downMs = Date.now() - killedAt;

  const list = await admin.get<ErrorBody>(`/api/v1/hosts/${engine}/containers`);
  expect(list.status, `a dead host's list is refused, never served stale (${REPLAY})`).toBe(502);
  expect(list.body.error?.code).toBe("ENGINE_UNREACHABLE");
  const merged = await admin.get<ContainerList>(`/api/v1/containers?name=${P}`);
  expect(merged.status).toBe(200);
  expect(merged.body.errors?.map((e) => e.hostId)).toContain(engine);
  expect(merged.body.items.filter((c) => c.hostId === engine).map((c) => c.name)).toEqual([]);
  mustAgree(await agree(other, STEP_DEADLINE_MS), `${other} while ${engine} is down`);

  await enginesScript("start-engine", engine); // returns once the engine answers _ping
  const back = mustAgree(await agree(engine, RETURN_DEADLINE_MS), `${engine} after its restart`);
  mustAgree(await agree(other, STEP_DEADLINE_MS), `${other} after ${engine} came back`);
  return { downMs, backMs: back.ms };
}

describe("live container lists against docker ps -a", () => {
  it(`agree field for field after each of ${STEPS} CLI operations on two engines, and across an engine kill`, async () => {
    console.log(
      `live-list: ${REPLAY}; ${plan.outage.engine} is killed after ${plan.outage.afterOps} operations`,
    );
    const perKind = Object.fromEntries(OP_KINDS.map((k) => [k, 0])) as Record<Op["kind"], number>;
    const tolerated: string[] = [];
    const states = new Set<string>();
    let compared = 0;
    let rowsCompared = 0;
    let slowest = { ms: 0, at: "", attempts: 0, firstMiss: "" };
    let outageTimes: { downMs: number; backMs: number } | undefined;

    for (const op of plan.ops) {
      if (op.index === plan.outage.afterOps) outageTimes = await outage(plan.outage.engine);
      const where = `step ${op.index + 1}/${STEPS}, ${describeOp(op)} (model: ${op.after ?? "removed"})`;
      const res = await cli(op.engine, op.args);
      if (res.code !== op.exitCode) {
        if (!op.racy)
          throw new Error(
            `${REPLAY}, ${where}: the CLI exited ${res.code}, the model expected ${op.exitCode}: ${res.stderr}`,
          );
        tolerated.push(`#${op.index} ${op.kind} ${op.target}: ${res.stderr}`);
      }
      perKind[op.kind]++;
      const a = mustAgree(await agree(op.engine, STEP_DEADLINE_MS), where, recentOn(op));
      compared++;
      rowsCompared += a.rows.length;
      for (const r of a.rows) states.add(r.state);
      if (a.ms > slowest.ms) slowest = { ...a, at: `#${op.index} ${op.kind} on ${op.engine}` };
    }

    console.log(
      [
        `live-list summary (${REPLAY}):`,
        `  steps compared: ${compared}/${STEPS} (${rowsCompared} container rows; states seen: ${[...states].sort().join(", ")})`,
        `  operations: ${OP_KINDS.map((k) => `${k} ${perKind[k]}`).join(", ")}`,
        `  CLI failures tolerated (the container had exited on its own): ${tolerated.length}`,
        ...tolerated.slice(0, 8).map((t) => `    ${t}`),
        ...(tolerated.length > 8 ? [`    … and ${tolerated.length - 8} more`] : []),
        `  slowest agreement: ${slowest.ms} ms, ${slowest.attempts} tries (${slowest.at || "-"})`,
        ...(slowest.firstMiss ? [`    its first try: ${slowest.firstMiss}`] : []),
        outageTimes
          ? `  ${plan.outage.engine} killed: reported down after ${outageTimes.downMs} ms; lists agreed ${outageTimes.backMs} ms after it answered _ping`
          : `  no outage ran`,
      ].join("\n"),
    );
    expect(compared).toBe(STEPS);
    expect(outageTimes).toBeDefined();
    // Not vacuous: the comparisons saw containers, on average more than one per step.
    expect(rowsCompared).toBeGreaterThan(STEPS);
  }, 300_000);
});

import type { EngineTarget } from "./engines";
import { expectStatus, httpRequest } from "./http-get";

export const LOGS_LABEL = "wharf.bench.logs";
const IMAGE = "local/busybox:1.35";

export interface LogFixture {
  id: string;
  name: string;
  lines: number;
  reused: boolean;
}

interface RawContainer {
  Id: string;
  Names?: string[];
  State?: string;
  Labels?: Record<string, string>;
}

async function json<T>(
  t: EngineTarget,
  method: string,
  path: string,
  body?: unknown,
  ok = [200],
): Promise<T> {
  const r = expectStatus(
    await httpRequest(t, method, path, { body, timeoutMs: 600_000 }),
    ok,
    `${method} ${path}`,
  );
  return (r.body.length ? JSON.parse(r.body.toString("utf8")) : undefined) as T;
}

/** Lines of about 96 bytes: the number, a space, and 88 letters, so a million lines are ~100 MB. */
const PAD = "x".repeat(88);

/**
 * A stopped container whose log holds `lines` numbered lines, written by busybox `seq` and `sed`.
 * One left by an earlier run with the same shape is reused: writing it takes longer than the bench.
 */
export async function ensureLogFixture(t: EngineTarget, lines: number): Promise<LogFixture> {
  const name = `bench-logs-${lines}`;
  const filters = encodeURIComponent(JSON.stringify({ label: [`${LOGS_LABEL}=${lines}`] }));
  const found = await json<RawContainer[]>(t, "GET", `/containers/json?all=1&filters=${filters}`);
  const done = found.find((c) => c.State === "exited");
  if (done) return { id: done.Id, name, lines, reused: true };
  for (const c of found) await json(t, "DELETE", `/containers/${c.Id}?force=1`, undefined, [204, 404]);
  const created = await json<{ Id: string }>(
    t,
    "POST",
    `/containers/create?name=${name}`,
    {
      Image: IMAGE,
      Cmd: ["sh", "-c", `seq 1 ${lines} | sed 's/$/ ${PAD}/'`],
      // Not wharf.bench: the list bench counts and removes those.
      Labels: { [LOGS_LABEL]: String(lines) },
      // Test-engine rule: no network at all.
      HostConfig: { NetworkMode: "none" },
      NetworkDisabled: true,
    },
    [201],
  );
  await json(t, "POST", `/containers/${created.Id}/start`, undefined, [204]);
  const exit = await json<{ StatusCode: number }>(t, "POST", `/containers/${created.Id}/wait`);
  if (exit.StatusCode !== 0) throw new Error(`${name} exited with ${exit.StatusCode}`);
  return { id: created.Id, name, lines, reused: false };
}

/** Removes every log fixture, whatever its size. */
export async function removeLogFixtures(t: EngineTarget): Promise<number> {
  const filters = encodeURIComponent(JSON.stringify({ label: [LOGS_LABEL] }));
  const found = await json<RawContainer[]>(t, "GET", `/containers/json?all=1&filters=${filters}`);
  for (const c of found) await json(t, "DELETE", `/containers/${c.Id}?force=1`, undefined, [204, 404]);
  return found.length;
}

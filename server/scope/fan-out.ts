import type { HostListError } from "../../lib/types";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import type { HostConnection } from "../engines/host-connection";
import { toAppError } from "../errors";
import { visibleHostIds } from "./targets";

/**
 * One call on every host in the caller's scope (only those in `only`, when the list asks for some),
 * all at once. A host that fails is reported in `errors` with its code and message; it never hides
 * the others' answers.
 */
export async function eachHost<T>(
  ctx: AppContext,
  p: Principal,
  only: readonly string[] | undefined,
  fn: (host: HostConnection) => Promise<T>,
): Promise<{ values: { hostId: string; value: T }[]; errors: HostListError[] }> {
  const ids = visibleHostIds(ctx, p).filter((id) => !only?.length || only.includes(id));
  const results = await Promise.allSettled(ids.map((id) => fn(ctx.hosts.get(id))));
  const values: { hostId: string; value: T }[] = [];
  const errors: HostListError[] = [];
  results.forEach((r, i) => {
    const hostId = ids[i] ?? "";
    if (r.status === "fulfilled") values.push({ hostId, value: r.value });
    else {
      const e = toAppError(r.reason, { hostId, log: `[fan-out] ${hostId}` });
      errors.push({ hostId, code: e.code, message: e.message });
    }
  });
  return { values, errors };
}

/** A cross-host list: every host's items in one list, and the hosts that could not answer. */
export async function acrossHosts<T>(
  ctx: AppContext,
  p: Principal,
  only: readonly string[] | undefined,
  fn: (host: HostConnection) => Promise<T[]>,
): Promise<{ items: T[]; errors: HostListError[] }> {
  const { values, errors } = await eachHost(ctx, p, only, fn);
  return { items: values.flatMap((v) => v.value), errors };
}

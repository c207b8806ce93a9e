import type { RecreateContainerResult } from "../../lib/container-spec/api-types";
import type { CreateConfig } from "../../lib/container-spec/create-body";
import { withCarriedSettings } from "../../lib/container-spec/outside-form";
import { AppError } from "../../lib/errors";
import { createContainer, requireLocalImage, startContainer } from "./container-create";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
import { toAppError } from "../errors";

export { withCarriedSettings };

type Obj = Record<string, unknown>;

export type RecreateResult = Omit<RecreateContainerResult, "changed">;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const underWay = new Set<string>();

/**
 * One recreate per container at a time: two interleaved ones would each undo the other's steps.
 * A second one is refused rather than queued, since it was made from a form of the old container.
 */
export async function oneAtATime<T>(key: string, what: string, fn: () => Promise<T>): Promise<T> {
  if (underWay.has(key)) throw new AppError("CONFLICT", `a recreate of ${what} is already under way`);
  underWay.add(key);
  try {
    return await fn();
  } finally {
    underWay.delete(key);
  }
}

/**
 * Replaces a container with one made from `config`, under the same name, in steps that can each be
 * undone: stop the old, rename it aside, create and start the new, and only then remove the old. Any
 * failure before the end undoes what was done, so the old container is back as it was, and the
 * engine's own message is answered.
 */
export function recreateContainer(
  host: HostConnection,
  old: Obj,
  req: { name?: string; start?: boolean; config: CreateConfig },
): Promise<RecreateResult> {
  const name = String(old.Name).replace(/^\//, "");
  return oneAtATime(`${host.spec.id}/${String(old.Id)}`, name, () => swap(host, old, req));
}

async function swap(
  host: HostConnection,
  old: Obj,
  req: { name?: string; start?: boolean; config: CreateConfig },
): Promise<RecreateResult> {
  const oldId = String(old.Id);
  const oldName = String(old.Name).replace(/^\//, "");
  const state = (old.State ?? {}) as { Running?: boolean };
  const wasRunning = state.Running === true;
  const asideName = `${oldName}-wharf-old-${oldId.slice(0, 12)}`;
  const c = host.docker.getContainer(oldId);
  if (wasRunning && (old.HostConfig as Obj | undefined)?.AutoRemove === true) {
    throw new AppError(
      "CONFLICT",
      `${oldName} was started with --rm: stopping it removes it, so it could not be put back if the new container failed; remove it and create the new one instead`,
      { hostId: host.spec.id },
    );
  }
  // Nothing is touched before the new image is known to be there.
  await requireLocalImage(host, req.config.Image);

  const undo: { what: string; run: () => Promise<unknown> }[] = [];
  try {
    if (wasRunning) {
      await engineCall(host, (abortSignal) => c.stop({ abortSignal }), ACTION_TIMEOUT_MS);
      undo.push({ what: "start the old container", run: () => startContainer(host, oldId) });
    }
    await engineCall(host, (abortSignal) => c.rename({ name: asideName, abortSignal }), ACTION_TIMEOUT_MS);
    undo.push({
      what: `rename the old container back to ${oldName}`,
      run: () =>
        engineCall(host, (abortSignal) => c.rename({ name: oldName, abortSignal }), ACTION_TIMEOUT_MS),
    });
    // createContainer removes the new container itself when connecting or starting it fails.
    const created = await createContainer(host, {
      name: req.name ?? oldName,
      start: req.start ?? wasRunning,
      config: withCarriedSettings(req.config, old),
    });
    try {
      await engineCall(host, (abortSignal) => c.remove({ abortSignal }), ACTION_TIMEOUT_MS);
      return { ...created, oldId };
    } catch (err) {
      return {
        ...created,
        oldId,
        oldKeptAs: asideName,
        warnings: [...created.warnings, `the old container was kept as ${asideName}: ${message(err)}`],
      };
    }
  } catch (err) {
    const failed: string[] = [];
    for (const step of undo.reverse()) {
      try {
        await step.run();
      } catch (undoErr) {
        failed.push(`could not ${step.what}: ${message(undoErr)}`);
      }
    }
    if (!failed.length) throw err;
    const e = toAppError(err, { hostId: host.spec.id, log: "[recreate]" });
    throw new AppError(e.code, `${e.message}; and while undoing: ${failed.join("; ")}`, e.details);
  }
}

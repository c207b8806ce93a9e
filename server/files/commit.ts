import type { CommitRequest } from "../../lib/files/schemas";
import type { CommitResult } from "../../lib/files/types";
import { ACTION_TIMEOUT_MS, engineCall } from "../engines/engine-call";
import { dial, OK } from "../engines/engine-dial";
import type { HostConnection } from "../engines/host-connection";

/**
 * `POST /commit?container=…`: a new image from the container's filesystem and config, with the
 * Dockerfile instructions in `changes` applied. The query carries everything; the body stays empty,
 * or the engine would take it for a container config to commit with.
 */
export async function commitContainer(
  host: HostConnection,
  container: string,
  c: CommitRequest,
): Promise<CommitResult> {
  const tag = c.tag ?? "latest";
  const r = await engineCall(
    host,
    (abortSignal) =>
      dial<{ Id: string }>(host, {
        path: "/commit?",
        method: "POST",
        options: {
          _query: {
            container,
            repo: c.repo,
            tag,
            ...(c.message ? { comment: c.message } : {}),
            ...(c.author ? { author: c.author } : {}),
            ...(c.changes?.length ? { changes: c.changes } : {}),
            pause: c.pause ?? true,
          },
          _body: {},
        },
        abortSignal,
        statusCodes: OK,
      }),
    ACTION_TIMEOUT_MS,
  );
  return { id: r.Id, ref: `${c.repo}:${tag}` };
}

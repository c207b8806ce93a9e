import { z } from "zod";
import { AppError } from "../../../lib/errors";
import type { JobSnapshot } from "../../../lib/images/types";
import type { AppContext } from "../../context";
import { jobInScope } from "../../scope/targets";
import { parseWith } from "../http";
import type { Router } from "../router";
import { principalOf } from "../targets";

const jobIdSchema = z.string().min(1).max(64);

/** Jobs by REST, for scripts and for clients without a socket: the same snapshots `job:update` carries. */
export function registerJobRoutes(router: Router, ctx: AppContext): void {
  const { jobs } = ctx.images;

  router.add({
    method: "GET",
    path: "/api/v1/jobs",
    access: "read",
    scope: "fleet",
    summary: "Running and recently ended jobs (pulls, pushes, builds, stack operations) on hosts in scope",
    handler: (rc) => {
      const p = principalOf(rc);
      return { items: jobs.list((j) => jobInScope(p, j.init)) satisfies JobSnapshot[] };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/jobs/:jobId",
    access: "read",
    scope: "fleet",
    summary: "One job's snapshot: state, per-service progress of a stack job, log, error",
    handler: (rc) => {
      const id = parseWith(jobIdSchema, rc.params.jobId, "jobId: ");
      const job = jobs.find(id);
      // A job out of scope answers exactly like one that does not exist.
      if (!job || !jobInScope(principalOf(rc), job.init)) throw new AppError("NOT_FOUND", `no job ${id}`);
      return job.snapshot();
    },
  });
}

"use client";
import { useMemo, useState } from "react";
import type { ComposeOrchestrator } from "@/lib/compose/model";
import type { StackPlan } from "@/lib/stacks/types";
import { stackIssues } from "./compose-issues";
import { revisionNumber, stackApi, useRefreshStacks } from "./queries";
import { useStackJobStart } from "./useStackJobStart";

/** The revision this editor last stored (or opened), and its texts. */
export interface SavedRevision {
  hostId: string;
  name: string;
  revision: number;
  compose: string;
  env: string;
}

/** Where a new stack goes: named by the form until the first save, fixed after it. */
export interface StackTarget {
  hostId: string;
  name: string;
  /** "swarm" deploys the stack as services on the host's swarm. */
  orchestrator?: ComposeOrchestrator;
}

/**
 * The editor's texts and what the server made of them. Planning and deploying store the texts as a
 * new revision first, but only when they changed since the last one: a plan then a deploy of the
 * same text store it once. The server's validation findings come back as issues.
 */
export function useStackDraft(initial: { compose: string; env: string; saved?: SavedRevision }) {
  const [compose, setCompose] = useState(initial.compose);
  const [env, setEnv] = useState(initial.env);
  const [message, setMessage] = useState("");
  const [saved, setSaved] = useState(initial.saved);
  const [plan, setPlan] = useState<{ revision: number; plan: StackPlan }>();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState<"plan" | "deploy">();
  const job = useStackJobStart();
  const refresh = useRefreshStacks();
  const dirty = !saved || saved.compose !== compose || saved.env !== env;
  const issues = useMemo(() => stackIssues(error), [error]);

  const store = async (target: StackTarget): Promise<SavedRevision> => {
    if (saved && !dirty) return saved;
    const text = { compose, env };
    const body = { ...text, ...(message.trim() ? { message: message.trim() } : {}) };
    const r = saved
      ? await stackApi.update(saved.hostId, saved.name, body)
      : await stackApi.create(target.hostId, {
          name: target.name,
          ...(target.orchestrator === "swarm" ? { orchestrator: "swarm" as const } : {}),
          ...body,
        });
    const revision = revisionNumber(r.revision);
    const next = {
      hostId: saved?.hostId ?? target.hostId,
      name: saved?.name ?? target.name,
      revision,
      ...text,
    };
    setSaved(next);
    setPlan({ revision, plan: r.plan });
    setMessage("");
    refresh(next.hostId);
    return next;
  };

  const run = async (kind: "plan" | "deploy", work: () => Promise<void>) => {
    setPending(kind);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setPending(undefined);
    }
  };

  const planIt = (target: StackTarget) =>
    run("plan", async () => {
      // A new plan is about the texts as they are now, not about the last deploy's revision.
      job.forget();
      if (saved && !dirty)
        setPlan({
          revision: saved.revision,
          plan: await stackApi.plan(saved.hostId, saved.name, saved.revision),
        });
      else await store(target);
    });

  const deployIt = (target: StackTarget) =>
    run("deploy", async () => {
      const s = await store(target);
      await job.start(async (jobId) => {
        const r = await stackApi.deploy(s.hostId, s.name, { revision: s.revision, jobId });
        setPlan({ revision: s.revision, plan: r.plan });
      });
    });

  return {
    compose,
    setCompose,
    env,
    setEnv,
    message,
    setMessage,
    saved,
    dirty,
    plan,
    error,
    issues,
    pending,
    jobId: job.jobId,
    planIt,
    deployIt,
  };
}

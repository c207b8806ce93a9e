"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { specToCreateBody } from "@/lib/container-spec/create-body";
import { emptySpec } from "@/lib/container-spec/spec";
import type { ContainerSpec } from "@/lib/container-spec/types";
import { CreateFooter } from "./CreateFooter";
import { DockerRunImportBox } from "./DockerRunImportBox";
import { HostAccessNotice } from "./HostAccessNotice";
import { MissingImageNotice } from "./MissingImageNotice";
import { useContainerSpecQuery, useCreateContainer, useRecreateContainer } from "./queries";
import { OutsideFormNotice } from "./OutsideFormNotice";
import { RecreateOutcome, recreateSteps } from "./RecreateOutcome";
import { SpecForm } from "./SpecForm";
import { draftOf, specOf, type SpecDraft } from "./spec-draft";
import { classifySubmitError, type SubmitError } from "./submit-error";

export type CreateMode =
  { kind: "new" } | { kind: "duplicate"; from: string } | { kind: "recreate"; id: string };

const sourceOf = (m: CreateMode) =>
  m.kind === "duplicate" ? m.from : m.kind === "recreate" ? m.id : undefined;
/** A duplicate needs a name of its own; the engine refuses a second container with the same one. */
const copyName = (name: string) => (name ? `${name}-copy` : "");

/** The create form: new, prefilled from a container (duplicate), or editing one in place (recreate). */
export function CreateContainerPanel({ hostId, mode }: { hostId: string; mode: CreateMode }) {
  const router = useRouter();
  const toast = useToast();
  const sourceId = sourceOf(mode);
  const source = useContainerSpecQuery(hostId, sourceId);
  const create = useCreateContainer(hostId);
  const recreate = useRecreateContainer(hostId, mode.kind === "recreate" ? mode.id : "");
  const [draft, setDraft] = useState<SpecDraft>(() => draftOf(emptySpec()));
  const [loaded, setLoaded] = useState<string>();
  const [error, setError] = useState<SubmitError>();
  const [keepRunState, setKeepRunState] = useState(true);

  // Fill the form once from the source container, when its spec arrives.
  if (sourceId && source.data && loaded !== sourceId) {
    setLoaded(sourceId);
    const s = source.data.spec;
    setDraft(draftOf(mode.kind === "duplicate" ? { ...s, name: copyName(s.name) } : s));
  }

  const errors: Record<string, string | undefined> =
    error?.kind === "field" ? { [error.field]: error.message } : {};
  const props = {
    draft,
    errors,
    setSpec: (patch: Partial<ContainerSpec>) => setDraft((d) => ({ ...d, spec: { ...d.spec, ...patch } })),
    setTexts: (patch: Partial<SpecDraft["texts"]>) =>
      setDraft((d) => ({ ...d, texts: { ...d.texts, ...patch } })),
  };
  const busy = create.isPending || recreate.isPending;

  const submit = () => {
    const spec = specOf(draft);
    if ("field" in spec) return setError({ kind: "field", field: spec.field, message: spec.message });
    setError(undefined);
    const { name, config } = specToCreateBody(spec);
    // Left out, a recreate keeps the old container's run state (the server's default).
    const keep = mode.kind === "recreate" && keepRunState;
    const body = { ...(name ? { name } : {}), ...(keep ? {} : { start: spec.start }), config };
    const onError = (e: unknown) => setError(classifySubmitError(e, spec.image));
    if (mode.kind === "recreate") {
      recreate.mutate(body, {
        onSuccess: (r) => {
          toast("ok", `${r.name} recreated`, recreateSteps(r));
          router.push(`/hosts/${hostId}/containers/${r.id}`);
        },
        onError,
      });
    } else {
      create.mutate(body, {
        onSuccess: (r) => {
          toast(
            "ok",
            `${r.name} created${r.started ? " and started" : ""}`,
            r.warnings.join("\n") || undefined,
          );
          router.push(`/hosts/${hostId}/containers/${r.id}`);
        },
        onError,
      });
    }
  };

  if (sourceId && source.error) {
    return (
      <StatePanel tone="error" title={`Cannot read ${sourceId} on ${hostId}`}>
        {source.error.message}.{" "}
        <Link className="underline" href={`/hosts/${hostId}/create`}>
          Start from an empty form
        </Link>
      </StatePanel>
    );
  }
  if (sourceId && source.isPending)
    return <StatePanel tone="loading" title="Reading the container's settings…" />;

  const title =
    mode.kind === "recreate"
      ? `Edit and recreate ${source.data?.spec.name ?? mode.id}`
      : mode.kind === "duplicate"
        ? `Duplicate ${source.data?.spec.name ?? mode.from}`
        : "Create container";
  return (
    <form
      className="flex h-full flex-col"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <header className="flex flex-wrap items-center gap-3 border-b border-line bg-panel px-3 py-2">
        <div className="text-[11px] text-muted">
          <Link href={`/hosts/${hostId}`} className="hover:underline">
            {hostId}
          </Link>{" "}
          / containers /
        </div>
        <h1 className="text-base font-semibold" data-testid="create-title">
          {title}
        </h1>
        {mode.kind === "recreate" && (
          <span className="text-[11px] text-muted">
            Wharf creates the new container first, then swaps it in; if a step fails, the old one is put back.
          </span>
        )}
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-3">
        {mode.kind === "new" && (
          <DockerRunImportBox
            onImport={(spec) => {
              setDraft(draftOf(spec));
              setError(undefined);
            }}
          />
        )}
        {error?.kind === "image" && (
          <MissingImageNotice hostId={hostId} image={error.image} message={error.message} onPulled={submit} />
        )}
        {error?.kind === "general" && (
          <RecreateOutcome recreate={mode.kind === "recreate"} message={error.message} />
        )}
        {mode.kind === "recreate" && source.data && source.data.hostAccess.length > 0 && (
          <HostAccessNotice settings={source.data.hostAccess} />
        )}
        {source.data && source.data.outsideForm.length > 0 && (
          <OutsideFormNotice flags={source.data.outsideForm} recreate={mode.kind === "recreate"} />
        )}
        <SpecForm {...props} hostId={hostId} />
      </div>
      <CreateFooter
        draft={draft}
        mode={mode.kind}
        busy={busy}
        fieldError={error?.kind === "field" ? error.message : undefined}
        onStartChange={(start) => props.setSpec({ start })}
        keepRunState={keepRunState}
        onKeepRunState={setKeepRunState}
      />
    </form>
  );
}

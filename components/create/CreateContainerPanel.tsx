"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { specToCreateBody } from "@/lib/container-spec/create-body";
import { emptySpec } from "@/lib/container-spec/spec";
import type { ContainerSpec } from "@/lib/container-spec/types";
import { CreateFooter } from "./CreateFooter";
import { DockerRunImportBox } from "./DockerRunImportBox";
import { HostAccessNotice } from "./HostAccessNotice";
import { limitOfPath } from "./limits-form";
import { MissingImageNotice } from "./MissingImageNotice";
import { useContainerSpecQuery, useCreateContainer, useRecreateContainer } from "./queries";
import { OutsideFormNotice } from "./OutsideFormNotice";
import { RecreateOutcome, recreateSteps } from "./RecreateOutcome";
import { SpecForm } from "./SpecForm";
import { draftOf, specOf, type DraftProblem, type SpecDraft } from "./spec-draft";
import { classifySubmitError, type SubmitError } from "./submit-error";
import { useProblemText } from "./useProblemText";

export type CreateMode =
  { kind: "new" } | { kind: "duplicate"; from: string } | { kind: "recreate"; id: string };

const sourceOf = (m: CreateMode) =>
  m.kind === "duplicate" ? m.from : m.kind === "recreate" ? m.id : undefined;
/** A duplicate needs a name of its own; the engine refuses a second container with the same one. */
const copyName = (name: string) => (name ? `${name}-copy` : "");

/** The create form: new, prefilled from a container (duplicate), or editing one in place (recreate). */
export function CreateContainerPanel({ hostId, mode }: { hostId: string; mode: CreateMode }) {
  const t = useTranslations("create");
  const tq = useTranslations("quotas");
  const errorLine = useErrorLine();
  const problemText = useProblemText();
  const router = useRouter();
  const toast = useToast();
  const sourceId = sourceOf(mode);
  const source = useContainerSpecQuery(hostId, sourceId);
  const create = useCreateContainer(hostId);
  const recreate = useRecreateContainer(hostId, mode.kind === "recreate" ? mode.id : "");
  const [draft, setDraft] = useState<SpecDraft>(() => draftOf(emptySpec()));
  const [loaded, setLoaded] = useState<string>();
  /** What was typed and cannot be sent; or what the server refused. */
  const [problem, setProblem] = useState<DraftProblem>();
  const [error, setError] = useState<SubmitError>();
  const [keepRunState, setKeepRunState] = useState(true);

  // Fill the form once from the source container, when its spec arrives.
  if (sourceId && source.data && loaded !== sourceId) {
    setLoaded(sourceId);
    const s = source.data.spec;
    setDraft(draftOf(mode.kind === "duplicate" ? { ...s, name: copyName(s.name) } : s));
  }

  // Shown in the section of the field it names, and beside the submit button.
  const fieldError = problem
    ? problemText(problem)
    : error?.kind === "field"
      ? errorLine(error.error)
      : undefined;
  const errorAt = problem?.field ?? (error?.kind === "field" ? error.field : undefined);
  const errors: Record<string, string | undefined> = errorAt ? { [errorAt]: fieldError } : {};
  const badLimit = problem
    ? "limit" in problem
      ? problem.limit
      : undefined
    : error?.kind === "field" && error.field === "limits"
      ? limitOfPath(errorField(error.error))
      : undefined;
  const props = {
    draft,
    errors,
    setSpec: (patch: Partial<ContainerSpec>) => setDraft((d) => ({ ...d, spec: { ...d.spec, ...patch } })),
    setTexts: (patch: Partial<SpecDraft["texts"]>) =>
      setDraft((d) => ({ ...d, texts: { ...d.texts, ...patch } })),
  };
  const busy = create.isPending || recreate.isPending;

  const submit = () => {
    const spec = specOf(draft, tq);
    setError(undefined);
    if ("field" in spec) return setProblem(spec);
    setProblem(undefined);
    const { name, config } = specToCreateBody(spec);
    // Left out, a recreate keeps the old container's run state (the server's default).
    const keep = mode.kind === "recreate" && keepRunState;
    const body = { ...(name ? { name } : {}), ...(keep ? {} : { start: spec.start }), config };
    const onError = (e: unknown) => setError(classifySubmitError(e, spec.image));
    if (mode.kind === "recreate") {
      recreate.mutate(body, {
        onSuccess: (r) => {
          toast("ok", t("toast.recreated", { name: r.name }), recreateSteps(r, t));
          router.push(`/hosts/${hostId}/containers/${r.id}`);
        },
        onError,
      });
    } else {
      create.mutate(body, {
        onSuccess: (r) => {
          toast(
            "ok",
            t(r.started ? "toast.createdStarted" : "toast.created", { name: r.name }),
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
      <StatePanel tone="error" title={t("source.failed", { id: sourceId, host: hostId })}>
        {t.rich("source.failedBody", {
          error: errorLine(source.error),
          link: (c) => (
            <Link className="underline" href={`/hosts/${hostId}/create`}>
              {c}
            </Link>
          ),
        })}
      </StatePanel>
    );
  }
  if (sourceId && source.isPending) return <StatePanel tone="loading" title={t("source.reading")} />;

  const title =
    mode.kind === "recreate"
      ? t("title.recreate", { name: source.data?.spec.name ?? mode.id })
      : mode.kind === "duplicate"
        ? t("title.duplicate", { name: source.data?.spec.name ?? mode.from })
        : t("title.new");
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
          {t("breadcrumb")}
        </div>
        <h1 className="text-base font-semibold" data-testid="create-title">
          {title}
        </h1>
        {mode.kind === "recreate" && <span className="text-[11px] text-muted">{t("recreateHint")}</span>}
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-3">
        {mode.kind === "new" && (
          <DockerRunImportBox
            onImport={(spec) => {
              setDraft(draftOf(spec));
              setProblem(undefined);
              setError(undefined);
            }}
          />
        )}
        {error?.kind === "image" && (
          <MissingImageNotice hostId={hostId} image={error.image} error={error.error} onPulled={submit} />
        )}
        {error?.kind === "general" && (
          <RecreateOutcome recreate={mode.kind === "recreate"} error={error.error} />
        )}
        {mode.kind === "recreate" && source.data && source.data.hostAccess.length > 0 && (
          <HostAccessNotice settings={source.data.hostAccess} />
        )}
        {source.data && source.data.outsideForm.length > 0 && (
          <OutsideFormNotice flags={source.data.outsideForm} recreate={mode.kind === "recreate"} />
        )}
        <SpecForm {...props} hostId={hostId} badLimit={badLimit} />
      </div>
      <CreateFooter
        draft={draft}
        mode={mode.kind}
        busy={busy}
        fieldError={fieldError}
        onStartChange={(start) => props.setSpec({ start })}
        keepRunState={keepRunState}
        onKeepRunState={setKeepRunState}
      />
    </form>
  );
}

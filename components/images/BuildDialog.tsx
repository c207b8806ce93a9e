"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useJob } from "@/components/jobs/useJobs";
import { JobProgress } from "@/components/jobs/JobProgress";
import { Button } from "@/components/ui/Button";
import { Field, FormError, inputClass, textareaClass } from "@/components/ui/Form";
import { shortId } from "@/lib/format";
import { parseBuildArgs, parseTags } from "./build-form";
import { BuildLog } from "./BuildLog";
import { DialogShell, OperationFooter, type HostDialogProps } from "./DialogShell";
import { HostSelect, useTargetHost } from "./HostChecklist";
import { problemText, type FormProblem } from "./problem";
import { useBuildImage, type BuildSource } from "./useBuildImage";

const EXAMPLE = 'FROM local/busybox:1.35\nRUN echo hello > /hello\nCMD ["cat", "/hello"]\n';
/** An example tag: a value, the same in every language. */
const TAG_EXAMPLE = "app:1";

export function BuildDialog({ open, ...props }: HostDialogProps) {
  return open ? <BuildForm {...props} /> : null;
}

function BuildForm({ onClose, hostId }: Omit<HostDialogProps, "open">) {
  const { hosts, target, setTarget } = useTargetHost(hostId);
  const canOperate = useCan("operate");
  const t = useTranslations("images");
  const [mode, setMode] = useState<BuildSource["kind"]>("dockerfile");
  const [dockerfile, setDockerfile] = useState(EXAMPLE);
  const [file, setFile] = useState<File>();
  const [tags, setTags] = useState("");
  const [args, setArgs] = useState("");
  const [error, setError] = useState<FormProblem>();
  const build = useBuildImage();
  const job = useJob(build.jobId);
  const started = !build.isIdle;
  const imageId = build.data?.id ?? job?.imageId;

  const submit = () => {
    const parsed = parseTags(tags);
    const a = parseBuildArgs(args);
    const problem: FormProblem | undefined =
      "error" in parsed
        ? parsed.error
        : "error" in a
          ? a.error
          : mode === "dockerfile" && !dockerfile.trim()
            ? { field: "dockerfile", reason: { key: "pasteDockerfile" } }
            : mode === "archive" && !file
              ? { field: "context", reason: { key: "chooseArchive" } }
              : undefined;
    setError(problem);
    if (problem || "error" in parsed || "error" in a) return;
    const source: BuildSource =
      mode === "dockerfile" ? { kind: "dockerfile", dockerfile } : { kind: "archive", file: file as File };
    build.mutate({ hostId: target, source, tags: parsed.tags, buildArgs: a.args });
  };

  return (
    <DialogShell
      open
      wide
      title={started ? t("build.titleStarted", { host: target }) : t("build.title")}
      onClose={onClose}
      testId="build-dialog"
      footer={
        <OperationFooter
          started={started}
          running={build.isPending}
          onClose={onClose}
          action={
            <Button variant="primary" onClick={submit} disabled={!target} data-testid="build-submit">
              {t("build.submit")}
            </Button>
          }
        />
      }
    >
      {started ? (
        <div className="flex flex-col gap-2">
          {job && <JobProgress job={job} canCancel={canOperate} showLayers={false} />}
          <BuildLog lines={job?.log ?? []} />
          {build.isSuccess && (
            <div className="text-ok" data-testid="build-result">
              {imageId
                ? t.rich("build.built", {
                    host: target,
                    id: shortId(imageId),
                    link: (id) => (
                      <Link
                        className="font-mono text-accent hover:underline"
                        href={`/hosts/${encodeURIComponent(target)}/images/${encodeURIComponent(imageId)}`}
                      >
                        {id}
                      </Link>
                    ),
                  })
                : t("build.builtNoId", { host: target })}
            </div>
          )}
          <FormError error={build.error} testId="dialog-error" />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          {!hostId && <HostSelect hosts={hosts} value={target} onChange={setTarget} />}
          <div className="flex gap-3" role="radiogroup" aria-label={t("build.context")}>
            <label className="flex items-center gap-1.5">
              <input type="radio" checked={mode === "dockerfile"} onChange={() => setMode("dockerfile")} />
              {t("build.modeDockerfile")}
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" checked={mode === "archive"} onChange={() => setMode("archive")} />
              {t("build.modeArchive")}
            </label>
          </div>
          {mode === "dockerfile" ? (
            <Field label={t("build.dockerfile")}>
              <textarea
                className={`${textareaClass} h-40 font-mono text-xs`}
                spellCheck={false}
                aria-label={t("build.dockerfile")}
                value={dockerfile}
                aria-invalid={error?.field === "dockerfile"}
                onChange={(e) => setDockerfile(e.target.value)}
              />
            </Field>
          ) : (
            <label className="flex flex-col gap-1">
              <span className="text-muted">{t("build.archive")}</span>
              <input type="file" accept=".tar,.tgz,.gz,.zip" onChange={(e) => setFile(e.target.files?.[0])} />
            </label>
          )}
          <Field label={t("build.tags")} hint={t("build.tagsHint")}>
            <input
              className={`${inputClass} font-mono`}
              aria-label={t("build.tags")}
              value={tags}
              aria-invalid={error?.field === "tags"}
              onChange={(e) => setTags(e.target.value)}
              placeholder={TAG_EXAMPLE}
            />
          </Field>
          <Field label={t("build.args")} hint={t("build.argsHint")}>
            <textarea
              className={`${textareaClass} h-16 font-mono text-xs`}
              aria-label={t("build.args")}
              value={args}
              aria-invalid={error?.field === "buildArgs"}
              onChange={(e) => setArgs(e.target.value)}
            />
          </Field>
          <FormError error={error && problemText(t, error)} testId="dialog-error" />
        </div>
      )}
    </DialogShell>
  );
}

"use client";
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
import { useBuildImage, type BuildSource } from "./useBuildImage";

const EXAMPLE = 'FROM local/busybox:1.35\nRUN echo hello > /hello\nCMD ["cat", "/hello"]\n';

export function BuildDialog({ open, ...props }: HostDialogProps) {
  return open ? <BuildForm {...props} /> : null;
}

function BuildForm({ onClose, hostId }: Omit<HostDialogProps, "open">) {
  const { hosts, target, setTarget } = useTargetHost(hostId);
  const canOperate = useCan("operate");
  const [mode, setMode] = useState<BuildSource["kind"]>("dockerfile");
  const [dockerfile, setDockerfile] = useState(EXAMPLE);
  const [file, setFile] = useState<File>();
  const [tags, setTags] = useState("");
  const [args, setArgs] = useState("");
  const [error, setError] = useState<string>();
  const build = useBuildImage();
  const job = useJob(build.jobId);
  const started = !build.isIdle;
  const imageId = build.data?.id ?? job?.imageId;

  const submit = () => {
    const t = parseTags(tags);
    const a = parseBuildArgs(args);
    const problem =
      "error" in t
        ? t.error
        : "error" in a
          ? a.error
          : mode === "dockerfile" && !dockerfile.trim()
            ? "dockerfile: paste a Dockerfile"
            : mode === "archive" && !file
              ? "context: choose a tar or zip archive"
              : undefined;
    setError(problem);
    if (problem || "error" in t || "error" in a) return;
    const source: BuildSource =
      mode === "dockerfile" ? { kind: "dockerfile", dockerfile } : { kind: "archive", file: file as File };
    build.mutate({ hostId: target, source, tags: t.tags, buildArgs: a.args });
  };

  return (
    <DialogShell
      open
      wide
      title={started ? `Build on ${target}` : "Build an image"}
      onClose={onClose}
      testId="build-dialog"
      footer={
        <OperationFooter
          started={started}
          running={build.isPending}
          onClose={onClose}
          action={
            <Button variant="primary" onClick={submit} disabled={!target} data-testid="build-submit">
              Build
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
              Built{" "}
              {imageId ? (
                <Link
                  className="font-mono text-accent hover:underline"
                  href={`/hosts/${encodeURIComponent(target)}/images/${encodeURIComponent(imageId)}`}
                >
                  {shortId(imageId)}
                </Link>
              ) : (
                "the image"
              )}{" "}
              on {target}.
            </div>
          )}
          <FormError message={build.error?.message} testId="dialog-error" />
        </div>
      ) : (
        <div className="flex flex-col gap-3">
          {!hostId && <HostSelect hosts={hosts} value={target} onChange={setTarget} />}
          <div className="flex gap-3" role="radiogroup" aria-label="Build context">
            <label className="flex items-center gap-1.5">
              <input type="radio" checked={mode === "dockerfile"} onChange={() => setMode("dockerfile")} />
              Paste a Dockerfile
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" checked={mode === "archive"} onChange={() => setMode("archive")} />
              Upload a context (tar, tar.gz or zip)
            </label>
          </div>
          {mode === "dockerfile" ? (
            <Field label="Dockerfile">
              <textarea
                className={`${textareaClass} h-40 font-mono text-xs`}
                spellCheck={false}
                aria-label="Dockerfile"
                value={dockerfile}
                aria-invalid={error?.startsWith("dockerfile:")}
                onChange={(e) => setDockerfile(e.target.value)}
              />
            </Field>
          ) : (
            <label className="flex flex-col gap-1">
              <span className="text-muted">Context archive with a Dockerfile at its root</span>
              <input type="file" accept=".tar,.tgz,.gz,.zip" onChange={(e) => setFile(e.target.files?.[0])} />
            </label>
          )}
          <Field label="Tags" hint="Spaces or commas between tags, e.g. app:1 app:latest">
            <input
              className={`${inputClass} font-mono`}
              aria-label="Tags"
              value={tags}
              aria-invalid={error?.startsWith("tags:")}
              onChange={(e) => setTags(e.target.value)}
              placeholder="app:1"
            />
          </Field>
          <Field label="Build args" hint="One KEY=VALUE a line">
            <textarea
              className={`${textareaClass} h-16 font-mono text-xs`}
              aria-label="Build args"
              value={args}
              aria-invalid={error?.startsWith("buildArgs:")}
              onChange={(e) => setArgs(e.target.value)}
            />
          </Field>
          <FormError message={error} testId="dialog-error" />
        </div>
      )}
    </DialogShell>
  );
}

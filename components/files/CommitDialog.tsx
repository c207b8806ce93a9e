"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { invalidateImages } from "@/components/api/invalidate";
import { Field, FormDialog, inputClass, textareaClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import type { ChangeKind, CommitResult, ContainerChange } from "@/lib/files/types";
import { filePaths } from "./files-api";

const SHOWN = 200;
const MARK: Record<ChangeKind, string> = { A: "text-ok", C: "text-warn", D: "text-bad" };

/** Examples: values, the same in every language. */
const REPO_EXAMPLE = "localhost:5000/team/app";
const CHANGES_EXAMPLE = 'CMD ["/app/run"]\nENV MODE=prod';

/**
 * Freeze the container's writable layer as a new image: repository, tag, message, author and the
 * Dockerfile instructions to apply (CMD, ENV, …), with the changes it will freeze counted above.
 * The server checks every field and answers which one is wrong; the image is the committer's.
 */
export function CommitDialog({
  hostId,
  containerId,
  counts,
  items,
  onClose,
  onCommitted,
}: {
  hostId: string;
  containerId: string;
  counts: Record<ChangeKind, number>;
  /** The changes it freezes, listed before the form. */
  items: readonly ContainerChange[];
  onClose: () => void;
  onCommitted: (r: CommitResult) => void;
}) {
  const t = useTranslations("files.commit");
  const qc = useQueryClient();
  const toast = useToast();
  const [repo, setRepo] = useState("");
  const [tag, setTag] = useState("latest");
  const [message, setMessage] = useState("");
  const [author, setAuthor] = useState("");
  const [changes, setChanges] = useState("");
  const commit = useMutation({
    mutationFn: () =>
      api<CommitResult>(filePaths.commit(hostId, containerId), {
        method: "POST",
        body: {
          repo: repo.trim(),
          ...(tag.trim() ? { tag: tag.trim() } : {}),
          ...(message.trim() ? { message } : {}),
          ...(author.trim() ? { author: author.trim() } : {}),
          changes: changes
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
        },
      }),
    onSuccess: (r) => {
      toast("ok", t("done", { ref: r.ref }));
      invalidateImages(qc, hostId);
      onCommitted(r);
    },
  });
  return (
    <FormDialog
      open
      title={t("title")}
      submitLabel={t("submit")}
      busy={commit.isPending}
      error={commit.error}
      onCancel={onClose}
      onSubmit={() => commit.mutate()}
    >
      <p className="text-muted" data-testid="commit-freezes">
        {t("freezes", counts)}
      </p>
      <ul
        className="max-h-32 overflow-auto rounded border border-line px-2 py-1 font-mono text-xs"
        data-testid="commit-diff"
      >
        {items.slice(0, SHOWN).map((c) => (
          <li key={c.path}>
            <span className={`inline-block w-4 font-semibold ${MARK[c.kind]}`}>{c.kind}</span>
            {c.path}
          </li>
        ))}
        {items.length > SHOWN && <li className="text-muted">{t("more", { count: items.length - SHOWN })}</li>}
      </ul>
      <div className="grid grid-cols-[1fr_8rem] gap-2">
        <Field label={t("repo")}>
          <input
            className={`${inputClass} font-mono`}
            aria-label={t("repo")}
            value={repo}
            autoFocus
            placeholder={REPO_EXAMPLE}
            onChange={(e) => setRepo(e.target.value)}
          />
        </Field>
        <Field label={t("tag")}>
          <input
            className={`${inputClass} font-mono`}
            aria-label={t("tag")}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          />
        </Field>
      </div>
      <Field label={t("message")}>
        <input
          className={inputClass}
          aria-label={t("message")}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <Field label={t("author")}>
        <input
          className={inputClass}
          aria-label={t("author")}
          value={author}
          onChange={(e) => setAuthor(e.target.value)}
        />
      </Field>
      <Field label={t("changes")} hint={t("changesHint")}>
        <textarea
          className={`${textareaClass} h-20 font-mono`}
          aria-label={t("changes")}
          value={changes}
          placeholder={CHANGES_EXAMPLE}
          onChange={(e) => setChanges(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}

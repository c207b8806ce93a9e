"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { Field, FormDialog, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { problemText, type FormProblem } from "./problem";
import { checkReference } from "./pull-ref";
import { imagePaths, invalidateImages } from "./queries";

/** An example repository: a value, the same in every language. */
const REPO_EXAMPLE = "localhost:5000/app";

/** Splits `repo:tag` at the last colon that is not part of a registry port. */
function splitRef(ref: string): { repo: string; tag: string } {
  const i = ref.lastIndexOf(":");
  return i > ref.lastIndexOf("/")
    ? { repo: ref.slice(0, i), tag: ref.slice(i + 1) }
    : { repo: ref, tag: "latest" };
}

export function TagImageDialog({
  hostId,
  imageRef,
  current,
  onClose,
}: {
  hostId: string;
  imageRef: string;
  current?: string;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("images");
  const initial = splitRef(current ?? "");
  const [repo, setRepo] = useState(initial.repo);
  const [tag, setTag] = useState(initial.tag);
  const [problem, setProblem] = useState<FormProblem>();
  const save = useMutation({
    mutationFn: () => api(imagePaths.tag(hostId, imageRef), { method: "POST", body: { repo, tag } }),
    onSuccess: () => {
      toast("ok", t("tag.done", { ref: `${repo}:${tag}`, host: hostId }));
      invalidateImages(qc, hostId);
      onClose();
    },
  });
  return (
    <FormDialog
      open
      title={t("tag.title")}
      submitLabel={t("tag.submit")}
      busy={save.isPending}
      error={problem ? problemText(t, problem) : save.error}
      onCancel={onClose}
      onSubmit={() => {
        const p = checkReference(`${repo}:${tag}`, "repo");
        setProblem(p);
        if (!p) save.mutate();
      }}
    >
      <div className="grid grid-cols-[1fr_8rem] gap-2">
        <Field label={t("tag.repository")}>
          <input
            className={`${inputClass} font-mono`}
            aria-label={t("tag.repository")}
            value={repo}
            autoFocus
            onChange={(e) => setRepo(e.target.value)}
            placeholder={REPO_EXAMPLE}
          />
        </Field>
        <Field label={t("tag.tag")}>
          <input
            aria-label={t("tag.tag")}
            className={`${inputClass} font-mono`}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          />
        </Field>
      </div>
    </FormDialog>
  );
}

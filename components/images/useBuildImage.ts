"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { newJobId } from "./job-id";
import { imagePaths, invalidateImages } from "./queries";
import { uploadFile } from "@/components/api/upload";

export type BuildSource = { kind: "dockerfile"; dockerfile: string } | { kind: "archive"; file: File };

export interface BuildRequest {
  hostId: string;
  source: BuildSource;
  tags: string[];
  buildArgs: Record<string, string>;
}

/** The query a context archive is sent with: the same fields as the JSON body. */
export function buildQuery(req: BuildRequest, jobId: string): string {
  const q = new URLSearchParams();
  for (const t of req.tags) q.append("tags", t);
  if (Object.keys(req.buildArgs).length) q.set("buildArgs", JSON.stringify(req.buildArgs));
  q.set("jobId", jobId);
  return q.toString();
}

/** Starts a build with a job id chosen here, so the dialog can follow its log; answers when it ends. */
export function useBuildImage() {
  const qc = useQueryClient();
  const t = useTranslations("images.import");
  const [jobId, setJobId] = useState<string>();
  const mutation = useMutation({
    mutationFn: (req: BuildRequest) => {
      const id = newJobId();
      setJobId(id);
      const path = imagePaths.build(req.hostId);
      return req.source.kind === "dockerfile"
        ? api<{ id?: string }>(path, {
            method: "POST",
            body: { dockerfile: req.source.dockerfile, tags: req.tags, buildArgs: req.buildArgs, jobId: id },
          })
        : uploadFile<{ id?: string }>(`${path}?${buildQuery(req, id)}`, req.source.file, t("notSent"));
    },
    onSettled: (_d, _e, req) => {
      invalidateImages(qc, req.hostId);
    },
  });
  return { ...mutation, jobId };
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { api, ApiError } from "@/components/api/client";
import type { ChangesView, FolderListing } from "@/lib/files/types";
import { queryKeys } from "@/lib/query-keys";

const base = (hostId: string, id: string) =>
  `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(id)}`;

/** The API paths of a container's files, changes and commit. */
export const filePaths = {
  list: (hostId: string, id: string, path: string) =>
    `${base(hostId, id)}/files?path=${encodeURIComponent(path)}`,
  content: (hostId: string, id: string, path: string, format?: "zip") =>
    `${base(hostId, id)}/files/content?path=${encodeURIComponent(path)}${format ? `&format=${format}` : ""}`,
  preview: (hostId: string, id: string, path: string) =>
    `${base(hostId, id)}/files/content?path=${encodeURIComponent(path)}&preview=1`,
  upload: (hostId: string, id: string, path: string, opts: { name?: string; overwrite?: boolean }) =>
    `${base(hostId, id)}/files?path=${encodeURIComponent(path)}${opts.name ? `&name=${encodeURIComponent(opts.name)}` : ""}${opts.overwrite ? "&overwrite=1" : ""}`,
  changes: (hostId: string, id: string) => `${base(hostId, id)}/changes`,
  commit: (hostId: string, id: string) => `${base(hostId, id)}/commit`,
};

export function useFolderQuery(hostId: string, id: string, path: string) {
  return useQuery({
    queryKey: queryKeys.containerFiles(hostId, id, path),
    queryFn: () => api<FolderListing>(filePaths.list(hostId, id, path)),
    retry: false,
  });
}

export function useChangesQuery(hostId: string, id: string) {
  return useQuery({
    queryKey: queryKeys.containerChanges(hostId, id),
    queryFn: () => api<ChangesView>(filePaths.changes(hostId, id)),
    retry: false,
  });
}

/** A file's first bytes as the server previews them: text or binary, or too large (413). */
export type Preview = { kind: "text"; text: string; bytes: number } | { kind: "binary"; bytes: Uint8Array };

export function usePreviewQuery(hostId: string, id: string, path: string | undefined) {
  return useQuery({
    queryKey: queryKeys.containerFilePreview(hostId, id, path ?? ""),
    enabled: path !== undefined,
    retry: false,
    queryFn: async (): Promise<Preview> => {
      const url = filePaths.preview(hostId, id, path ?? "");
      const res = await fetch(url, { headers: { "x-wharf-csrf": "1" }, credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as
          { error?: { code?: string; message?: string } } | undefined;
        throw new ApiError(
          res.status,
          body?.error?.code ?? "INTERNAL",
          body?.error?.message ?? `HTTP ${res.status}`,
        );
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      return res.headers.get("x-wharf-preview") === "text"
        ? { kind: "text", text: new TextDecoder().decode(bytes), bytes: bytes.length }
        : { kind: "binary", bytes };
    },
  });
}

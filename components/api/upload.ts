"use client";
import { ApiError } from "@/components/api/client";
import type { ErrorBody } from "@/lib/errors";

/**
 * Sends a file as the raw request body (a tar to load, a build context, files into a container),
 * reporting upload progress;
 * XMLHttpRequest because fetch cannot report upload progress. Errors carry the server's message;
 * `notSent` (in the user's language) says that the upload never reached Wharf.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  notSent: string,
  onProgress?: (fraction: number) => void,
  method: "POST" | "PUT" = "POST",
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("x-wharf-csrf", "1");
    xhr.setRequestHeader("content-type", file.type || "application/x-tar");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "ENGINE_UNREACHABLE", notSent));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      const err = (json as { error?: ErrorBody } | undefined)?.error;
      reject(
        new ApiError(xhr.status, err?.code ?? "INTERNAL", err?.message ?? `HTTP ${xhr.status}`, err?.details),
      );
    };
    xhr.send(file);
  });
}

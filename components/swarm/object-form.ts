import type { z } from "zod";
import { fieldProblem } from "@/components/ui/form-check";
import type { configCreateSchema } from "@/lib/swarm/schemas";
import type { SwarmSecret } from "@/lib/swarm/types";
import { labelsOf } from "./service-form";

/** The two whole-host objects a service mounts as files; each is a tab of the swarm section. */
export const SWARM_OBJECT_KINDS = ["configs", "secrets"] as const;
export type SwarmObjectKind = (typeof SWARM_OBJECT_KINDS)[number];

/** What the list shows of either: a config's content is left out as a secret's value is. */
export type SwarmObject = Pick<SwarmSecret, "id" | "version" | "name" | "labels" | "createdAt" | "updatedAt">;

/** The same body for both (see docs/swarm.md); the schemas are the server's own. */
export type ObjectCreateBody = z.input<typeof configCreateSchema>;

/** Content read from a file, already base64: a key or a certificate keeps its lines and bytes. */
export interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

/** The create form as typed. */
export interface ObjectDraft {
  name: string;
  /** One `key=value` a line. */
  labels: string;
  /** The content as typed, sent byte for byte (a config's trailing newline is part of the file). */
  data: string;
  /** When set, sent instead of `data`. */
  file?: PickedFile;
}

export const EMPTY_OBJECT_DRAFT: ObjectDraft = { name: "", labels: "", data: "" };

/**
 * The create body. The engine refuses empty content with a message that does not name the field, so
 * it is said here, beside it.
 */
export function objectBody(d: ObjectDraft): ObjectCreateBody {
  const labels = labelsOf(d.labels);
  const content = d.file
    ? { data: d.file.base64, encoding: "base64" as const }
    : { data: d.data, encoding: "text" as const };
  if (content.data === "") throw fieldProblem("data", "must not be empty");
  return {
    name: d.name.trim(),
    ...(Object.keys(labels).length ? { labels } : {}),
    ...content,
  };
}

/** Bytes as base64, in chunks so a 500 KB file does not overflow the call stack. */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A picked file as the form keeps it: its bytes never pass through a visible field. */
export async function pickedFile(file: Blob & { name: string }): Promise<PickedFile> {
  return {
    name: file.name,
    size: file.size,
    base64: base64OfBytes(new Uint8Array(await file.arrayBuffer())),
  };
}

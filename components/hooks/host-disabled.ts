import type { DisabledCapability, HostCapability } from "@/lib/engine-kind";
import type { HostSummary } from "@/lib/types";

/** Quirks whose reason the UI says in the user's language (hosts.disabled.reason.*). */
export const TRANSLATED_REASONS = ["pause-rootless-v1", "memory-rootless-v1", "update-endpoint"] as const;
export type TranslatedReason = (typeof TRANSLATED_REASONS)[number];

/** What the host says it cannot do of `capability`, if it says so (GET /api/v1/hosts lists it). */
export function findDisabled(
  hosts: readonly Pick<HostSummary, "id" | "disabled">[] | undefined,
  hostId: string,
  capability: HostCapability,
): DisabledCapability | undefined {
  return hosts?.find((h) => h.id === hostId)?.disabled?.find((d) => d.capability === capability);
}

/** The translated reason's key for a quirk, or undefined when only the server's English reason exists. */
export function translatedReason(quirk: string): TranslatedReason | undefined {
  return TRANSLATED_REASONS.find((r) => r === quirk);
}

import type { ContainerSpec } from "@/lib/container-spec/types";
import type { SpecDraft, SpecTexts } from "./spec-draft";

/** What every section of the create form gets: the draft, setters, and its field's error. */
export interface SectionProps {
  draft: SpecDraft;
  setSpec: (patch: Partial<ContainerSpec>) => void;
  setTexts: (patch: Partial<SpecTexts>) => void;
  errors: Record<string, string | undefined>;
}

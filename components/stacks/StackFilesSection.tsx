"use client";
import { useTranslations } from "next-intl";
import { DetailSection, KV } from "@/components/ui/DetailSection";

/** A stack made elsewhere: where its compose CLI ran, as its containers' labels say; Wharf keeps no file. */
export function StackFilesSection({
  workingDir,
  configFiles,
}: {
  workingDir?: string;
  configFiles?: string[];
}) {
  const t = useTranslations("stacks.cli");
  return (
    <DetailSection title={t("title")} testId="cli-section">
      <p className="mb-2 text-muted">{t("body")}</p>
      <KV
        rows={[
          [
            t("workingDir"),
            <span key="w" className="font-mono text-xs">
              {workingDir ?? "—"}
            </span>,
            "workingDir",
          ],
          [
            t("configFiles"),
            <span key="f" className="font-mono text-xs">
              {configFiles?.length ? configFiles.join(", ") : "—"}
            </span>,
            "configFiles",
          ],
        ]}
      />
    </DetailSection>
  );
}

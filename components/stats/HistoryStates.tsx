"use client";
import { useTranslations } from "next-intl";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { Button } from "@/components/ui/Button";
import { StatePanel } from "@/components/ui/StatePanel";
import { historyFailure } from "./history-view";

/**
 * No stored points yet: when the first will come (Wharf reads every `sampleMs`), or that nothing is
 * collecting them and how to turn that on. `sampleMs` is unknown when the history route had no series.
 */
export function HistoryEmpty({ sampleMs }: { sampleMs?: number }) {
  const t = useTranslations("stats.history");
  return (
    <StatePanel tone="empty" title={t("empty")}>
      {sampleMs === undefined
        ? t("emptyHintUnsampled")
        : sampleMs > 0
          ? t("emptyHint", { seconds: sampleMs / 1000 })
          : t.rich("emptyHintOff", { code: (c) => <code>{c}</code> })}
    </StatePanel>
  );
}

/** A failed history request, said for what it is: out of scope, nothing yet, or a fault to retry. */
export function HistoryFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useTranslations("stats.history");
  const tCommon = useTranslations("common");
  const kind = historyFailure(error);
  if (kind === "none-yet") return <HistoryEmpty />;
  if (kind === "forbidden")
    return (
      <StatePanel tone="empty" title={t("forbidden")}>
        {t("forbiddenHint")}
      </StatePanel>
    );
  return (
    <StatePanel tone="error" title={t("failed")}>
      <ErrorNotice error={error} />
      <div className="mt-2 flex items-center justify-center gap-2 text-[12px]">
        {t("failedHint")}
        <Button size="sm" onClick={onRetry} data-testid="history-retry">
          {tCommon("retry")}
        </Button>
      </div>
    </StatePanel>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useNow } from "@/components/hooks/useNow";
import { useRealtime } from "@/components/providers/RealtimeProvider";

/** Shown only after a few seconds, so a quick reconnect does not flash a warning. */
const GRACE_MS = 3000;

export function DisconnectBanner() {
  const { connected, downSince } = useRealtime();
  const now = useNow(1000);
  const t = useTranslations("shell");
  if (connected || !downSince || now - downSince < GRACE_MS) return null;
  return (
    <div className="border-b border-warn/50 bg-warn/15 px-3 py-1 text-center" role="alert">
      {t("disconnected")}
    </div>
  );
}

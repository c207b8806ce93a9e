"use client";
import { useTranslations } from "next-intl";
import type { HostStatus } from "@/lib/types";

const COLORS = {
  up: "bg-ok",
  down: "bg-bad",
  connecting: "bg-warn animate-pulse",
} as const satisfies Record<HostStatus, string>;

export function HostStatusDot({ status }: { status: HostStatus }) {
  const t = useTranslations("hosts.status");
  return (
    <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${COLORS[status]}`} aria-label={t(status)} />
  );
}

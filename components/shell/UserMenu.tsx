"use client";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { useMeQuery } from "@/components/hooks/queries";
import { Button } from "@/components/ui/Button";

export function UserMenu() {
  const { data } = useMeQuery();
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  return (
    <div className="flex items-center gap-2">
      <span className="truncate text-muted" data-testid="whoami">
        {data?.user.username}{" "}
        <span className="text-[11px]">({data ? tc(`role.${data.user.role}`) : ""})</span>
      </span>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          // A full page load drops every cached query of the signed-out user.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          void api("/api/v1/auth/logout", { method: "POST" }).finally(() => window.location.assign("/login"));
        }}
      >
        {t("signOut")}
      </Button>
    </div>
  );
}

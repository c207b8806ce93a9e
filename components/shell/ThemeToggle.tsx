"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";

export function ThemeToggle() {
  const t = useTranslations("shell");
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={t("themeToggle")}
      title={t("themeTitle")}
      onClick={() => {
        const dark = !document.documentElement.classList.contains("dark");
        document.documentElement.classList.toggle("dark", dark);
        localStorage.setItem("wharf-theme", dark ? "dark" : "light");
      }}
    >
      ◐ {t("theme")}
    </Button>
  );
}

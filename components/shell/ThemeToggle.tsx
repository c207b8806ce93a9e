"use client";
import { Button } from "@/components/ui/Button";

export function ThemeToggle() {
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label="Toggle dark or light theme"
      title="Toggle theme (t)"
      onClick={() => {
        const dark = !document.documentElement.classList.contains("dark");
        document.documentElement.classList.toggle("dark", dark);
        localStorage.setItem("wharf-theme", dark ? "dark" : "light");
      }}
    >
      ◐ Theme
    </Button>
  );
}

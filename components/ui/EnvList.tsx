"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Values stay hidden until clicked: env often holds secrets, and screens get shared. */
export function EnvList({ env }: { env: string[] }) {
  const [shown, setShown] = useState<Set<number>>(new Set());
  const t = useTranslations("ui.env");
  if (env.length === 0) return <div className="text-muted">{t("none")}</div>;
  return (
    <table className="w-full font-mono text-xs" data-testid="env">
      <tbody>
        {env.map((line, i) => {
          const eq = line.indexOf("=");
          const key = eq < 0 ? line : line.slice(0, eq);
          const value = eq < 0 ? "" : line.slice(eq + 1);
          const visible = shown.has(i);
          return (
            <tr key={i} className="border-b border-line/50">
              <td className="w-1/3 py-0.5 pr-2 align-top">{key}</td>
              <td className="py-0.5 break-all">
                <button
                  className={visible ? "text-left" : "text-muted hover:text-fg"}
                  onClick={() =>
                    setShown((s) => {
                      const n = new Set(s);
                      if (n.has(i)) n.delete(i);
                      else n.add(i);
                      return n;
                    })
                  }
                  aria-label={visible ? t("hide", { key }) : t("show", { key })}
                >
                  {visible ? value || t("empty") : t("hidden")}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

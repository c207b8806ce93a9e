"use client";
import { useTranslations } from "next-intl";
import { EnvList } from "@/components/ui/EnvList";
import type { ImageDetail } from "@/lib/images/types";
import { DetailSection, KV } from "@/components/ui/DetailSection";

const mono = (v: string) => <code className="font-mono text-xs break-all">{v}</code>;
/** An exec-form list as a shell would read it; empty shows a dash. */
const argv = (a: string[]) =>
  a.length ? mono(a.map((s) => (/\s/.test(s) ? JSON.stringify(s) : s)).join(" ")) : "—";
const list = (a: string[], none: string) =>
  a.length ? (
    <ul className="font-mono text-xs">
      {a.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  ) : (
    <span className="text-muted">{none}</span>
  );

/** What a container started from this image gets by default. */
export function ImageConfigSection({ image }: { image: ImageDetail }) {
  const t = useTranslations("images.config");
  const c = image.config;
  const labels = Object.entries(c.labels);
  return (
    <>
      <DetailSection title={t("title")} testId="image-config">
        <KV
          rows={[
            [t("entrypoint"), argv(c.entrypoint)],
            [t("command"), argv(c.cmd)],
            [t("workingDir"), c.workingDir ? mono(c.workingDir) : "—"],
            [t("user"), c.user ? mono(c.user) : t("rootDefault")],
            [t("platform"), [image.os, image.architecture, image.variant].filter(Boolean).join("/")],
            [t("exposedPorts"), list(c.exposedPorts, t("none"))],
            [t("volumes"), list(c.volumes, t("none"))],
            ...(image.author ? [[t("author"), image.author] as [string, string]] : []),
          ]}
        />
      </DetailSection>
      <DetailSection title={t("environment")}>
        <EnvList env={c.env} />
      </DetailSection>
      <DetailSection title={t("labels")}>
        {labels.length ? (
          <table className="w-full font-mono text-xs">
            <tbody>
              {labels.map(([k, v]) => (
                <tr key={k} className="border-b border-line/50">
                  <td className="w-1/2 py-0.5 pr-2 align-top break-all text-muted">{k}</td>
                  <td className="py-0.5 break-all">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <div className="text-muted">{t("noLabels")}</div>
        )}
      </DetailSection>
    </>
  );
}

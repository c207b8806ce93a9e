"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { textareaClass } from "@/components/ui/Form";
import { DockerRunParseError, parseDockerRun } from "@/lib/container-spec/docker-run";
import type { ContainerSpec, DockerRunImport } from "@/lib/container-spec/types";

/**
 * Paste a `docker run` line to fill the form. What the form cannot hold is listed, never dropped
 * silently, and so is anything the user should check (expanded variables, implied flags).
 */
/** A docker run line to show what the box takes: a command, the same in every language. */
const EXAMPLE = "docker run -d --name web --network none -v data:/data -e MODE=prod local/ticker:1";

export function DockerRunImportBox({ onImport }: { onImport: (spec: ContainerSpec) => void }) {
  const t = useTranslations("create.import");
  const [text, setText] = useState("");
  const [result, setResult] = useState<Pick<DockerRunImport, "notImported" | "notices">>();
  const [error, setError] = useState<string>();
  const run = () => {
    try {
      const r = parseDockerRun(text);
      onImport(r.spec);
      setResult({ notImported: r.notImported, notices: r.notices });
      setError(undefined);
    } catch (e) {
      if (!(e instanceof DockerRunParseError)) throw e;
      // The parser's own words about the line, kept as they are.
      setError(e.message);
      setResult(undefined);
    }
  };
  return (
    <section className="rounded border border-line bg-panel" data-testid="docker-run-import">
      <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {t("title")}
      </h2>
      <div className="flex flex-col gap-2 p-3">
        <textarea
          aria-label={t("label")}
          className={`${textareaClass} h-20 font-mono text-xs`}
          placeholder={EXAMPLE}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
          }}
        />
        <div className="flex items-center gap-2">
          <Button size="sm" onClick={run} disabled={!text.trim()}>
            {t("fill")}
          </Button>
          <span className="text-[11px] text-muted">{t("hint")}</span>
        </div>
        {error && (
          <div className="text-bad" role="alert" data-testid="import-error">
            {error}
          </div>
        )}
        {result && (
          <div className="flex flex-col gap-1 text-[12px]" data-testid="import-result">
            {result.notImported.length === 0 && result.notices.length === 0 && (
              <div className="text-ok">{t("allImported")}</div>
            )}
            {result.notImported.length > 0 && (
              <div data-testid="not-imported">
                <div className="font-medium text-warn">
                  {t("notImported", { count: result.notImported.length })}
                </div>
                <ul className="ml-4 list-disc font-mono text-[11px]">
                  {result.notImported.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </div>
            )}
            {result.notices.length > 0 && (
              <div data-testid="import-notices">
                <div className="font-medium text-info">{t("check")}</div>
                <ul className="ml-4 list-disc">
                  {result.notices.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type RefObject } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { ExecStatus } from "@/components/hooks/useExecSession";
import type { ShellChoice, TerminalOptions } from "./shell-command";

/** The shells on offer: program names as they are, the other choices by message key. */
const SHELLS: { value: ShellChoice; label?: "shellAuto" | "shellCustom" }[] = [
  { value: "auto", label: "shellAuto" },
  { value: "bash" },
  { value: "sh" },
  { value: "custom", label: "shellCustom" },
];

/** Shell, user and directory for the next session, and connect or disconnect. */
export function TerminalOptionsBar({
  options,
  onChange,
  status,
  onConnect,
  onDisconnect,
}: {
  options: TerminalOptions;
  onChange: (o: TerminalOptions) => void;
  status: ExecStatus;
  onConnect: () => void;
  onDisconnect: () => void;
}) {
  const t = useTranslations("terminal.options");
  const live = status === "open" || status === "starting";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!live) onConnect();
  };
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={submit} aria-label={t("label")}>
      <label className="flex flex-col gap-1">
        <span className="text-[11px] text-muted">{t("shell")}</span>
        <select
          className={inputClass}
          value={options.shell}
          disabled={live}
          onChange={(e) => onChange({ ...options, shell: e.target.value as ShellChoice })}
        >
          {SHELLS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label ? t(s.label) : s.value}
            </option>
          ))}
        </select>
      </label>
      {options.shell === "custom" && (
        <label className="flex flex-col gap-1">
          <span className="text-[11px] text-muted">{t("command")}</span>
          <input
            className={`${inputClass} w-64 font-mono`}
            placeholder={t("commandPlaceholder")}
            value={options.custom}
            disabled={live}
            onChange={(e) => onChange({ ...options, custom: e.target.value })}
          />
        </label>
      )}
      <label className="flex flex-col gap-1">
        <span className="text-[11px] text-muted">{t("user")}</span>
        <input
          className={`${inputClass} w-28 font-mono`}
          placeholder={t("default")}
          value={options.user}
          disabled={live}
          onChange={(e) => onChange({ ...options, user: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-[11px] text-muted">{t("workingDir")}</span>
        <input
          className={`${inputClass} w-40 font-mono`}
          placeholder={t("default")}
          value={options.workingDir}
          disabled={live}
          onChange={(e) => onChange({ ...options, workingDir: e.target.value })}
        />
      </label>
      {/* Keyed apart: reusing one element would turn the clicked Disconnect into a submit button
          before the browser acts on the click, and reconnect at once. */}
      {live ? (
        <Button key="disconnect" variant="danger" onClick={onDisconnect} data-testid="terminal-disconnect">
          {t("disconnect")}
        </Button>
      ) : (
        <Button key="connect" type="submit" variant="primary" data-testid="terminal-connect">
          {status === "idle" ? t("connect") : t("reconnect")}
        </Button>
      )}
    </form>
  );
}

/** Find in the scrollback, and copy and paste for those who do not use the keyboard shortcuts. */
export function TerminalTools({
  findRef,
  onFind,
  onClearFind,
  onCopy,
  onPaste,
  canPaste,
}: {
  findRef: RefObject<HTMLInputElement | null>;
  onFind: (term: string, backwards: boolean) => void;
  onClearFind: () => void;
  onCopy: () => void;
  onPaste: () => void;
  canPaste: boolean;
}) {
  const t = useTranslations("terminal.tools");
  const [term, setTerm] = useState("");
  return (
    <div className="flex items-end gap-1" role="search">
      <input
        ref={findRef}
        aria-label={t("find")}
        placeholder={t("findPlaceholder")}
        className={`${inputClass} w-44`}
        value={term}
        onChange={(e) => {
          setTerm(e.target.value);
          if (e.target.value) onFind(e.target.value, false);
          else onClearFind();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && term) {
            e.preventDefault();
            onFind(term, e.shiftKey);
          }
          if (e.key === "Escape") {
            setTerm("");
            onClearFind();
          }
        }}
      />
      <Button size="sm" title={t("previous")} onClick={() => term && onFind(term, true)}>
        ↑
      </Button>
      <Button size="sm" title={t("next")} onClick={() => term && onFind(term, false)}>
        ↓
      </Button>
      <Button size="sm" title={t("copyTitle")} onClick={onCopy}>
        {t("copy")}
      </Button>
      <Button size="sm" title={t("pasteTitle")} onClick={onPaste} disabled={!canPaste}>
        {t("paste")}
      </Button>
    </div>
  );
}

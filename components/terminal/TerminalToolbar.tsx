"use client";
import { useState, type FormEvent, type RefObject } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { ExecStatus } from "@/components/hooks/useExecSession";
import type { ShellChoice, TerminalOptions } from "./shell-command";

const SHELLS: { value: ShellChoice; label: string }[] = [
  { value: "auto", label: "auto (bash, else sh)" },
  { value: "bash", label: "bash" },
  { value: "sh", label: "sh" },
  { value: "custom", label: "custom command" },
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
  const live = status === "open" || status === "starting";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!live) onConnect();
  };
  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={submit} aria-label="Terminal options">
      <label className="flex flex-col gap-1">
        <span className="text-[11px] text-muted">Shell</span>
        <select
          className={inputClass}
          value={options.shell}
          disabled={live}
          onChange={(e) => onChange({ ...options, shell: e.target.value as ShellChoice })}
        >
          {SHELLS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {options.shell === "custom" && (
        <label className="flex flex-col gap-1">
          <span className="text-[11px] text-muted">Command</span>
          <input
            className={`${inputClass} w-64 font-mono`}
            placeholder="e.g. top -d 1"
            value={options.custom}
            disabled={live}
            onChange={(e) => onChange({ ...options, custom: e.target.value })}
          />
        </label>
      )}
      <label className="flex flex-col gap-1">
        <span className="text-[11px] text-muted">User</span>
        <input
          className={`${inputClass} w-28 font-mono`}
          placeholder="default"
          value={options.user}
          disabled={live}
          onChange={(e) => onChange({ ...options, user: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-[11px] text-muted">Working dir</span>
        <input
          className={`${inputClass} w-40 font-mono`}
          placeholder="default"
          value={options.workingDir}
          disabled={live}
          onChange={(e) => onChange({ ...options, workingDir: e.target.value })}
        />
      </label>
      {/* Keyed apart: reusing one element would turn the clicked Disconnect into a submit button
          before the browser acts on the click, and reconnect at once. */}
      {live ? (
        <Button key="disconnect" variant="danger" onClick={onDisconnect} data-testid="terminal-disconnect">
          Disconnect
        </Button>
      ) : (
        <Button key="connect" type="submit" variant="primary" data-testid="terminal-connect">
          {status === "idle" ? "Connect" : "Reconnect"}
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
  const [term, setTerm] = useState("");
  return (
    <div className="flex items-end gap-1" role="search">
      <input
        ref={findRef}
        aria-label="Find in terminal"
        placeholder="Find (Ctrl+Shift+F)"
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
      <Button size="sm" title="Previous match (Shift+Enter)" onClick={() => term && onFind(term, true)}>
        ↑
      </Button>
      <Button size="sm" title="Next match (Enter)" onClick={() => term && onFind(term, false)}>
        ↓
      </Button>
      <Button size="sm" title="Copy the selection (Ctrl+Shift+C)" onClick={onCopy}>
        Copy
      </Button>
      <Button size="sm" title="Paste (Ctrl+Shift+V)" onClick={onPaste} disabled={!canPaste}>
        Paste
      </Button>
    </div>
  );
}

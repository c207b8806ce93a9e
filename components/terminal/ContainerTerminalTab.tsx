"use client";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useCallback, useRef, useState } from "react";
import { ApiError } from "@/components/api/client";
import { useExecSession } from "@/components/hooks/useExecSession";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import {
  CommandLineError,
  DEFAULT_OPTIONS,
  describeCommand,
  execRequest,
  type TerminalOptions,
} from "./shell-command";
import { TerminalOptionsBar, TerminalTools } from "./TerminalToolbar";
import type { TerminalHandle } from "./XtermView";

// xterm.js touches the DOM as it loads, so it never renders on the server.
const XtermView = dynamic(() => import("./XtermView"), {
  ssr: false,
  loading: () => <TerminalLoading />,
});

function TerminalLoading() {
  const t = useTranslations("terminal");
  return <div className="p-3 text-muted">{t("loading")}</div>;
}

const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;

/** An interactive shell in the container; Wharf ends it inside the container when the tab goes. */
export function ContainerTerminalTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const t = useTranslations("terminal");
  const errorLine = useErrorLine();
  const term = useRef<TerminalHandle | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const [options, setOptions] = useState<TerminalOptions>(DEFAULT_OPTIONS);
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const exec = useExecSession(hostId, containerId, {
    onOutput: (data) => term.current?.write(data),
    // The server's own words when the session failed; otherwise how the process ended.
    onExit: ({ exitCode, error }) => {
      const what =
        error ?? (exitCode === null ? t("exited") : t("exitedWithCode", { code: String(exitCode) }));
      term.current?.write(`\r\n${dim(`[${what}]`)}\r\n`);
    },
  });

  const connect = useCallback(
    (o: TerminalOptions) => {
      let req;
      try {
        req = execRequest(o);
      } catch (err) {
        if (!(err instanceof CommandLineError)) throw err;
        setFormError(t(`commandError.${err.problem}`));
        return;
      }
      setFormError(undefined);
      const view = term.current;
      view?.reset();
      view?.focus();
      void exec.start({ ...req, ...(view?.size() ?? { cols: 80, rows: 24 }) });
    },
    [exec, t],
  );

  const onReady = useCallback(
    (handle: TerminalHandle) => {
      term.current = handle;
      // Opening the tab is the request for a terminal: connect at once with the default shell.
      if (exec.status === "idle" && !exec.error) connect(options);
    },
    [connect, exec.status, exec.error, options],
  );

  const copy = async () => {
    const ok = await term.current?.copySelection().catch(() => false);
    setNotice(ok ? t("copied") : t("selectFirst"));
    term.current?.focus();
  };
  const paste = async () => {
    try {
      await term.current?.pasteClipboard();
      setNotice(undefined);
    } catch {
      setNotice(t("pasteRefused"));
    }
    term.current?.focus();
  };

  // A refused start: headed by its code's translation, with the server's own words kept.
  const startError =
    exec.status === "idle" && exec.error
      ? exec.errorCode
        ? errorLine(new ApiError(0, exec.errorCode, exec.error))
        : exec.error
      : undefined;
  const error = formError ?? startError;
  const command = describeCommand(options, t);
  return (
    <div className="flex flex-col gap-2 p-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <TerminalOptionsBar
          options={options}
          onChange={setOptions}
          status={exec.status}
          onConnect={() => connect(options)}
          onDisconnect={exec.stop}
        />
        <TerminalTools
          findRef={findRef}
          onFind={(q, back) => term.current?.find(q, back)}
          onClearFind={() => term.current?.clearFind()}
          onCopy={() => void copy()}
          onPaste={() => void paste()}
          canPaste={exec.status === "open"}
        />
      </div>
      <div className="text-[11px] text-muted" data-testid="terminal-status" aria-live="polite">
        {exec.status === "starting" && t("status.starting", { command })}
        {exec.status === "open" && t("status.connected", { command })}
        {exec.status === "ended" &&
          (exec.error ? t("status.endedWith", { error: exec.error }) : t("status.ended"))}
        {notice && ` ${notice}`}
      </div>
      {error && (
        <div data-testid="terminal-error" role="alert">
          <StatePanel tone="error" title={t("openFailed")}>
            {error}
          </StatePanel>
        </div>
      )}
      <div className="h-[calc(100vh-16rem)] min-h-64 rounded border border-line bg-bg p-1">
        <XtermView
          onData={exec.input}
          onResize={exec.resize}
          onReady={onReady}
          onFindShortcut={() => findRef.current?.focus()}
        />
      </div>
    </div>
  );
}

"use client";
import dynamic from "next/dynamic";
import { useCallback, useRef, useState } from "react";
import { useExecSession } from "@/components/hooks/useExecSession";
import { StatePanel } from "@/components/ui/StatePanel";
import { DEFAULT_OPTIONS, describeCommand, execRequest, type TerminalOptions } from "./shell-command";
import { TerminalOptionsBar, TerminalTools } from "./TerminalToolbar";
import type { TerminalHandle } from "./XtermView";

// xterm.js touches the DOM as it loads, so it never renders on the server.
const XtermView = dynamic(() => import("./XtermView"), {
  ssr: false,
  loading: () => <div className="p-3 text-muted">Loading the terminal…</div>,
});

const dim = (s: string) => `\x1b[2m${s}\x1b[0m`;

/** An interactive shell in the container; Wharf ends it inside the container when the tab goes. */
export function ContainerTerminalTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const term = useRef<TerminalHandle | null>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const [options, setOptions] = useState<TerminalOptions>(DEFAULT_OPTIONS);
  const [formError, setFormError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const exec = useExecSession(hostId, containerId, {
    onOutput: (data) => term.current?.write(data),
    onExit: ({ exitCode, error }) =>
      term.current?.write(
        `\r\n${dim(`[${error ?? `process exited${exitCode === null ? "" : ` with code ${exitCode}`}`}]`)}\r\n`,
      ),
  });

  const connect = useCallback(
    (o: TerminalOptions) => {
      let req;
      try {
        req = execRequest(o);
      } catch (err) {
        setFormError((err as Error).message);
        return;
      }
      setFormError(undefined);
      const t = term.current;
      t?.reset();
      t?.focus();
      void exec.start({ ...req, ...(t?.size() ?? { cols: 80, rows: 24 }) });
    },
    [exec],
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
    setNotice(ok ? "Copied the selection." : "Select some text in the terminal first.");
    term.current?.focus();
  };
  const paste = async () => {
    try {
      await term.current?.pasteClipboard();
      setNotice(undefined);
    } catch {
      setNotice("The browser did not allow reading the clipboard; use Ctrl+Shift+V in the terminal.");
    }
    term.current?.focus();
  };

  const error = formError ?? (exec.status === "idle" ? exec.error : undefined);
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
        {exec.status === "starting" && `Starting ${describeCommand(options)}…`}
        {exec.status === "open" && `Connected: ${describeCommand(options)}. Closing this tab ends it.`}
        {exec.status === "ended" &&
          (exec.error ? `Ended: ${exec.error}.` : "Ended. Reconnect to start a new session.")}
        {notice && ` ${notice}`}
      </div>
      {error && (
        <div data-testid="terminal-error" role="alert">
          <StatePanel tone="error" title="Could not open a terminal">
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

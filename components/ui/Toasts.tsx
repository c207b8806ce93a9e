"use client";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

export type ToastKind = "ok" | "error" | "info";
interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  body?: string;
}

const ToastContext = createContext<(kind: ToastKind, title: string, body?: string) => void>(() => {});

export const useToast = () => useContext(ToastContext);

const KIND_STYLE = {
  ok: "border-l-ok",
  error: "border-l-bad",
  info: "border-l-info",
} as const satisfies Record<ToastKind, string>;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const tr = useTranslations("ui");
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (kind: ToastKind, title: string, body?: string) => {
      const id = Date.now() + Math.random();
      setToasts((t) => [...t.slice(-4), { id, kind, title, body }]);
      // Errors stay until dismissed: the message is what the user needs to act on.
      if (kind !== "error") setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="fixed right-3 bottom-3 z-50 flex w-96 flex-col gap-2" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`rounded border border-l-4 border-line bg-panel px-3 py-2 shadow-lg ${KIND_STYLE[t.kind]}`}
            data-testid={`toast-${t.kind}`}
          >
            <div className="flex items-start justify-between gap-2">
              <div className="font-medium">{t.title}</div>
              <button
                className="text-muted hover:text-fg"
                aria-label={tr("dismiss")}
                onClick={() => dismiss(t.id)}
              >
                ×
              </button>
            </div>
            {t.body && (
              <div className="mt-1 font-mono text-xs break-words whitespace-pre-wrap text-muted">
                {t.body}
              </div>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

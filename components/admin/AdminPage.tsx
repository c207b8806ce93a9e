"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatePanel } from "@/components/ui/StatePanel";
import { useIsAdmin } from "./queries";

/** The header every admin and account page shares: title, one line on what the page is for, actions. */
export function PageHeader({
  title,
  sub,
  children,
}: {
  title: string;
  sub?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-line bg-panel px-3 py-2">
      <h1 className="text-base font-semibold">{title}</h1>
      {sub && <span className="text-muted">{sub}</span>}
      {children && <div className="ml-auto flex items-center gap-2">{children}</div>}
    </header>
  );
}

/** Admin pages render for admins only; everyone else gets a plain answer instead of a 403 per list. */
export function AdminGate({ title, children }: { title: string; children: ReactNode }) {
  const { isAdmin, known } = useIsAdmin();
  const t = useTranslations("admin.gate");
  const tc = useTranslations("common");
  if (!known) return <StatePanel tone="loading" title={tc("loading")} />;
  if (!isAdmin) {
    return (
      <div className="flex h-full flex-col">
        <PageHeader title={title} />
        <StatePanel tone="error" title={t("adminsOnly")}>
          {t.rich("body", {
            what: title.toLowerCase(),
            link: (c) => (
              <Link className="text-accent hover:underline" href="/containers">
                {c}
              </Link>
            ),
          })}
        </StatePanel>
      </div>
    );
  }
  return <>{children}</>;
}

/** A titled block on an admin page (a form, a table). */
export function Section({
  title,
  children,
  aside,
  testId,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
  testId?: string;
}) {
  return (
    <section className="m-3 rounded border border-line bg-panel" data-testid={testId}>
      <div className="flex items-center gap-2 border-b border-line px-3 py-1.5">
        <h2 className="font-medium">{title}</h2>
        {aside && <div className="ml-auto text-[11px] text-muted">{aside}</div>}
      </div>
      {children}
    </section>
  );
}

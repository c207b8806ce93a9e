"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { HostNav } from "@/components/hosts/HostNav";
import { RealtimeProvider } from "@/components/providers/RealtimeProvider";
import { AccountLink, AdminNav } from "./AdminNav";
import { DisconnectBanner } from "./DisconnectBanner";
import { ThemeToggle } from "./ThemeToggle";
import { UserMenu } from "./UserMenu";

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <RealtimeProvider>
      <div className="flex h-screen">
        <aside className="flex w-56 shrink-0 flex-col border-r border-line bg-panel p-2">
          <Link href="/overview" className="mb-3 flex items-center gap-2 px-2 py-1 text-base font-semibold">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/wharf.svg" alt="" width={18} height={18} /> Wharf
          </Link>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <HostNav />
            <AdminNav />
          </div>
          <div className="mt-2 flex flex-col gap-1 border-t border-line pt-2">
            <AccountLink />
            <UserMenu />
            <ThemeToggle />
          </div>
        </aside>
        <main className="flex min-w-0 flex-1 flex-col overflow-hidden">
          <DisconnectBanner />
          <div className="min-h-0 flex-1 overflow-auto">{children}</div>
        </main>
      </div>
    </RealtimeProvider>
  );
}

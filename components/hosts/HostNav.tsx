"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useHostsQuery } from "@/components/hooks/queries";
import { HostStatusDot } from "./HostStatusDot";

export function HostNav() {
  const { data, error } = useHostsQuery();
  const pathname = usePathname();
  const link = (href: string, active: boolean) =>
    `flex items-center gap-2 rounded px-2 py-1 ${active ? "bg-panel-2 font-medium" : "hover:bg-panel-2"}`;
  return (
    <nav className="flex flex-col gap-0.5" aria-label="Hosts">
      <Link href="/containers" className={link("/containers", pathname === "/containers")}>
        All containers
      </Link>
      <Link href="/quotas" className={link("/quotas", pathname === "/quotas")}>
        Quotas
      </Link>
      <Link href="/registries" className={link("/registries", pathname === "/registries")}>
        Registries
      </Link>
      <div className="mt-3 mb-1 px-2 text-[11px] tracking-wide text-muted uppercase">Hosts</div>
      {error && <div className="px-2 text-bad">{error.message}</div>}
      {data?.items.length === 0 && (
        <div className="px-2 text-muted">No hosts. Set WHARF_HOSTS or start a local engine.</div>
      )}
      {data?.items.map((h) => {
        const href = `/hosts/${h.id}`;
        return (
          <Link
            key={h.id}
            href={href}
            className={link(href, pathname.startsWith(href))}
            data-testid={`host-${h.id}`}
            data-status={h.status}
            title={h.error ?? `${h.kind} · engine ${h.engineVersion ?? "?"}`}
          >
            <HostStatusDot status={h.status} />
            <span className="truncate">{h.name}</span>
            <span className="ml-auto text-[11px] text-muted">{h.status === "up" ? h.kind : h.status}</span>
          </Link>
        );
      })}
    </nav>
  );
}

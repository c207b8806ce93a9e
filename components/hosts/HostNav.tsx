"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useHostsQuery } from "@/components/hooks/queries";
import { IntentLink } from "@/components/ui/IntentLink";
import { HostStatusDot } from "./HostStatusDot";

/** Views across every host in scope. */
const GLOBAL_SECTIONS = [
  ["/containers", "All containers"],
  ["/images", "Images"],
  ["/volumes", "Volumes"],
  ["/networks", "Networks"],
  ["/quotas", "Quotas"],
  ["/registries", "Registries"],
] as const;

/** One host's views, shown under the host while one of them is open; "" is the container list. */
const HOST_SECTIONS = [
  ["", "Containers"],
  ["images", "Images"],
  ["volumes", "Volumes"],
  ["networks", "Networks"],
  ["system", "System"],
  ["quotas", "Quotas"],
] as const;

export function HostNav() {
  const { data, error } = useHostsQuery();
  const pathname = usePathname();
  const link = (href: string, active: boolean) =>
    `flex items-center gap-2 rounded px-2 py-1 ${active ? "bg-panel-2 font-medium" : "hover:bg-panel-2"}`;
  return (
    <nav className="flex flex-col gap-0.5" aria-label="Hosts">
      {GLOBAL_SECTIONS.map(([href, label]) => (
        <IntentLink key={href} href={href} className={link(href, pathname === href)}>
          {label}
        </IntentLink>
      ))}
      <div className="mt-3 mb-1 px-2 text-[11px] tracking-wide text-muted uppercase">Hosts</div>
      {error && <div className="px-2 text-bad">{error.message}</div>}
      {data?.items.length === 0 && (
        <div className="px-2 text-muted">No hosts. Set WHARF_HOSTS or start a local engine.</div>
      )}
      {data?.items.map((h) => {
        const href = `/hosts/${h.id}`;
        const open = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <div key={h.id}>
            <Link
              href={href}
              className={link(href, open)}
              data-testid={`host-${h.id}`}
              data-status={h.status}
              title={h.error ?? `${h.kind} · engine ${h.engineVersion ?? "?"}`}
            >
              <HostStatusDot status={h.status} />
              <span className="truncate">{h.name}</span>
              <span className="ml-auto text-[11px] text-muted">{h.status === "up" ? h.kind : h.status}</span>
            </Link>
            {open && (
              <div
                className="mb-1 ml-4 flex flex-col border-l border-line pl-1"
                data-testid={`host-sections-${h.id}`}
              >
                {HOST_SECTIONS.map(([sub, label]) => {
                  const to = sub ? `${href}/${sub}` : href;
                  const active = sub
                    ? pathname.startsWith(to)
                    : pathname === href || pathname.startsWith(`${href}/containers`);
                  return (
                    <Link key={sub} href={to} className={`${link(to, active)} py-0.5 text-[12px]`}>
                      {label}
                    </Link>
                  );
                })}
              </div>
            )}
          </div>
        );
      })}
    </nav>
  );
}

"use client";
import { usePathname } from "next/navigation";
import { useMeQuery } from "@/components/hooks/queries";
import { IntentLink } from "@/components/ui/IntentLink";

const ADMIN_LINKS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/sessions", label: "Sessions" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/hosts", label: "Hosts" },
  { href: "/admin/registries", label: "Registries" },
] as const;

export const navLink = (active: boolean) =>
  `flex items-center gap-2 rounded px-2 py-1 ${active ? "bg-panel-2 font-medium" : "hover:bg-panel-2"}`;

/** The admin pages, for admins only; the server answers 403 to everyone else anyway. */
export function AdminNav() {
  const { data } = useMeQuery();
  const pathname = usePathname();
  if (data?.user.role !== "admin") return null;
  return (
    <nav className="flex flex-col gap-0.5" aria-label="Admin" data-testid="admin-nav">
      <div className="mt-3 mb-1 px-2 text-[11px] tracking-wide text-muted uppercase">Admin</div>
      {ADMIN_LINKS.map((l) => (
        <IntentLink
          key={l.href}
          href={l.href}
          className={navLink(pathname.startsWith(l.href))}
          aria-current={pathname.startsWith(l.href) ? "page" : undefined}
        >
          {l.label}
        </IntentLink>
      ))}
    </nav>
  );
}

/** Everyone's own account page: role, scope, password. */
export function AccountLink() {
  const pathname = usePathname();
  const active = pathname.startsWith("/account");
  return (
    <IntentLink
      href="/account"
      className={navLink(active)}
      aria-current={active ? "page" : undefined}
      data-testid="account-link"
    >
      Account
    </IntentLink>
  );
}

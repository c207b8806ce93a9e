"use client";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useMeQuery } from "@/components/hooks/queries";
import { IntentLink } from "@/components/ui/IntentLink";

const ADMIN_LINKS = [
  { href: "/admin/users", label: "users" },
  { href: "/admin/tokens", label: "tokens" },
  { href: "/admin/sessions", label: "sessions" },
  { href: "/admin/audit", label: "audit" },
  { href: "/admin/hosts", label: "hosts" },
  { href: "/admin/registries", label: "registries" },
] as const;

export const navLink = (active: boolean) =>
  `flex items-center gap-2 rounded px-2 py-1 ${active ? "bg-panel-2 font-medium" : "hover:bg-panel-2"}`;

/** The admin pages, for admins only; the server answers 403 to everyone else anyway. */
export function AdminNav() {
  const { data } = useMeQuery();
  const pathname = usePathname();
  const t = useTranslations("shell");
  if (data?.user.role !== "admin") return null;
  return (
    <nav className="flex flex-col gap-0.5" aria-label={t("adminNav")} data-testid="admin-nav">
      <div className="mt-3 mb-1 px-2 text-[11px] tracking-wide text-muted uppercase">{t("adminNav")}</div>
      {ADMIN_LINKS.map((l) => (
        <IntentLink
          key={l.href}
          href={l.href}
          className={navLink(pathname.startsWith(l.href))}
          aria-current={pathname.startsWith(l.href) ? "page" : undefined}
        >
          {t(`admin.${l.label}`)}
        </IntentLink>
      ))}
    </nav>
  );
}

/** Everyone's own account page: role, scope, password. */
export function AccountLink() {
  const pathname = usePathname();
  const t = useTranslations("shell");
  const active = pathname.startsWith("/account");
  return (
    <IntentLink
      href="/account"
      className={navLink(active)}
      aria-current={active ? "page" : undefined}
      data-testid="account-link"
    >
      {t("account")}
    </IntentLink>
  );
}

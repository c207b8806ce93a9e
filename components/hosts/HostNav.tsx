"use client";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useHostsQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { SwarmNavLink } from "./SwarmNavLink";
import { IntentLink } from "@/components/ui/IntentLink";
import { HostStatusDot } from "./HostStatusDot";

/** Views across every host in scope, each with its message key under hosts.nav.global. */
const GLOBAL_SECTIONS = [
  ["/overview", "overview"],
  ["/containers", "containers"],
  ["/stacks", "stacks"],
  ["/alerts", "alerts"],
  ["/images", "images"],
  ["/volumes", "volumes"],
  ["/networks", "networks"],
  ["/quotas", "quotas"],
  ["/registries", "registries"],
] as const;

/**
 * One host's views, shown under the host while one of them is open; "" is the container list. Each
 * has its message key under hosts.nav.host.
 */
const HOST_SECTIONS = [
  ["", "containers"],
  ["images", "images"],
  ["volumes", "volumes"],
  ["networks", "networks"],
  ["system", "system"],
  ["quotas", "quotas"],
] as const;

export function HostNav() {
  const { data, error } = useHostsQuery();
  const pathname = usePathname();
  const t = useTranslations("hosts");
  const errorLine = useErrorLine();
  const link = (href: string, active: boolean) =>
    `flex items-center gap-2 rounded px-2 py-1 ${active ? "bg-panel-2 font-medium" : "hover:bg-panel-2"}`;
  return (
    <nav className="flex flex-col gap-0.5" aria-label={t("nav.label")}>
      {GLOBAL_SECTIONS.map(([href, label]) => (
        <IntentLink
          key={href}
          href={href}
          className={link(href, pathname === href || pathname.startsWith(`${href}/`))}
        >
          {t(`nav.global.${label}`)}
        </IntentLink>
      ))}
      <div className="mt-3 mb-1 px-2 text-[11px] tracking-wide text-muted uppercase">{t("nav.heading")}</div>
      {error && <div className="px-2 text-bad">{errorLine(error)}</div>}
      {data?.items.length === 0 && <div className="px-2 text-muted">{t("nav.empty")}</div>}
      {data?.items.map((h) => {
        const href = `/hosts/${h.id}`;
        const open = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <div key={h.id}>
            <IntentLink
              href={href}
              className={link(href, open)}
              data-testid={`host-${h.id}`}
              data-status={h.status}
              title={
                h.error ??
                (h.engine?.kind === "podman"
                  ? t("nav.hostTitlePodman", {
                      kind: h.kind,
                      version: h.engine.version,
                      api: h.engine.apiVersion,
                    })
                  : t("nav.hostTitle", { kind: h.kind, version: h.engineVersion ?? "?" }))
              }
            >
              <HostStatusDot status={h.status} />
              <span className="truncate">{h.name}</span>
              <span className="ml-auto text-[11px] text-muted">
                {h.status === "up" ? h.kind : t(`status.${h.status}`)}
              </span>
            </IntentLink>
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
                    <IntentLink key={sub} href={to} className={`${link(to, active)} py-0.5 text-[12px]`}>
                      {t(`nav.host.${label}`)}
                    </IntentLink>
                  );
                })}
                <SwarmNavLink
                  host={h}
                  pathname={pathname}
                  className={(to, active) => `${link(to, active)} py-0.5 text-[12px]`}
                />
              </div>
            )}
          </div>
        );
      })}
    </nav>
  );
}

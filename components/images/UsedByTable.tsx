"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { StateBadge } from "@/components/ui/StateBadge";
import type { ImageUser } from "@/lib/images/types";
import { CONTAINER_STATES, type ContainerState } from "@/lib/types";

const isState = (s: string): s is ContainerState => (CONTAINER_STATES as readonly string[]).includes(s);

/** Containers on any host in scope that run this image; each links to its page. */
export function UsedByTable({ users }: { users: ImageUser[] }) {
  const t = useTranslations("images.detail");
  if (users.length === 0) return <div className="text-muted">{t("noUsers")}</div>;
  return (
    <table className="w-full text-xs" data-testid="used-by">
      <tbody>
        {users.map((u) => (
          <tr key={`${u.hostId}/${u.id}`} className="border-b border-line/50">
            <td className="py-0.5 pr-2">
              <Link
                className="font-medium hover:underline"
                href={`/hosts/${encodeURIComponent(u.hostId)}/containers/${encodeURIComponent(u.id)}`}
              >
                {u.name}
              </Link>
            </td>
            <td className="pr-2 text-muted">{u.hostId}</td>
            <td>{isState(u.state) ? <StateBadge state={u.state} /> : u.state}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

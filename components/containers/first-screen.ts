import "server-only";
import { headers } from "next/headers";
import { filterContainers } from "@/lib/container-filter";
import { selfUrl } from "@/lib/self-url";
import type { ContainerList } from "@/lib/types";
import { DEFAULT_CONTAINER_FILTER, type ContainersFirstScreen } from "./first-screen-types";

/** Rows rendered on the server: more than a tall screen shows, few enough to keep the HTML small. */
const FIRST_ROWS = 40;
/** Past this the page is sent without rows, and the browser fetches the list as it would anyway. */
const WAIT_MS = 1500;

/**
 * The first screen of a container list, asked of Wharf's own API with the request's cookie, so the
 * same sign-in, permission and scope apply as to the browser's own request. Undefined when there is
 * nothing to show yet (no session, an error, a slow answer): the page then loads as before.
 */
export async function containersFirstScreen(hostId?: string): Promise<ContainersFirstScreen | undefined> {
  const base = selfUrl();
  const h = await headers();
  const cookie = h.get("cookie");
  if (!base || !cookie) return undefined;
  const path = hostId ? `/api/v1/hosts/${encodeURIComponent(hostId)}/containers` : "/api/v1/containers";
  try {
    const res = await fetch(base + path, {
      headers: { cookie, accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(WAIT_MS),
    });
    if (!res.ok) return undefined;
    const list = (await res.json()) as ContainerList;
    return {
      items: filterContainers(list.items, DEFAULT_CONTAINER_FILTER).slice(0, FIRST_ROWS),
      total: list.items.length,
      running: list.items.filter((c) => c.state === "running").length,
      ...(list.errors?.length ? { errors: list.errors } : {}),
    };
  } catch {
    return undefined;
  }
}

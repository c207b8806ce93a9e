import "server-only";
import { headers } from "next/headers";
import { selfUrl } from "@/lib/self-url";
import type { ContainerList } from "@/lib/types";
import { DEFAULT_CONTAINER_FILTER, type ContainersFirstScreen } from "./first-screen-types";

/** Rows rendered on the server: more than a tall screen shows, few enough to keep the HTML small. */
const FIRST_ROWS = 40;
/** Past this the page is sent without rows, and the browser fetches the list as it would anyway. */
const WAIT_MS = 1500;

/**
 * The first screen of a container list, asked of Wharf's own API with the request's cookie, so the
 * same sign-in, permission and scope apply as to the browser's own request. Only the first rows
 * cross the loopback (`limit`), with the whole list's counts. Undefined when there is nothing to
 * show yet (no session, an error, a slow answer): the page then loads as before.
 */
export async function containersFirstScreen(hostId?: string): Promise<ContainersFirstScreen | undefined> {
  const base = selfUrl();
  const h = await headers();
  const cookie = h.get("cookie");
  if (!base || !cookie) return undefined;
  const list = hostId ? `/api/v1/hosts/${encodeURIComponent(hostId)}/containers` : "/api/v1/containers";
  const { sort = "name", dir = "asc" } = DEFAULT_CONTAINER_FILTER;
  const path = `${list}?sort=${sort}&dir=${dir}&limit=${FIRST_ROWS}`;
  try {
    const res = await fetch(base + path, {
      headers: { cookie, accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(WAIT_MS),
    });
    if (!res.ok) return undefined;
    const answer = (await res.json()) as ContainerList;
    return {
      items: answer.items,
      total: answer.total ?? answer.items.length,
      running: answer.running ?? answer.items.filter((c) => c.state === "running").length,
      ...(answer.errors?.length ? { errors: answer.errors } : {}),
    };
  } catch {
    return undefined;
  }
}

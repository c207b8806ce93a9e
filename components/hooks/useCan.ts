"use client";
import { roleAllows, seesWholeHosts, type Permission } from "@/lib/permissions";
import { useMeQuery } from "./queries";

/** Whether the signed-in role grants a permission; false until known, so nothing flashes for a viewer. */
export function useCan(permission: Permission): boolean {
  const me = useMeQuery();
  return !!me.data && roleAllows(me.data.user.role, permission);
}

/** Whether the signed-in scope sees hosts whole (their totals); false until known. */
export function useSeesWholeHosts(): boolean {
  const me = useMeQuery();
  return !!me.data && seesWholeHosts(me.data.user);
}

"use client";
import { useCallback } from "react";
import { useNodesQuery } from "./queries";
import { nodeAddress } from "./swarm-host";

/**
 * A node's hostname (or its address, when nodes share a hostname) from its id, for task rows. Label-scoped users may not list nodes (403): they
 * see the short id instead.
 */
export function useNodeNames(hostId: string): (id: string | undefined) => string {
  const nodes = useNodesQuery(hostId);
  const items = nodes.data?.items;
  return useCallback(
    (id) => {
      if (!id) return "";
      const node = items?.find((n) => n.id === id);
      if (!node) return id.slice(0, 12);
      // Nodes on one machine share a hostname: their address tells them apart.
      const twins = items?.filter((n) => n.hostname === node.hostname).length ?? 0;
      return twins > 1 ? (nodeAddress(node) ?? node.hostname) : node.hostname;
    },
    [items],
  );
}

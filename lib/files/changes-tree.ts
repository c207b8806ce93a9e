import type { ChangeKind, ChangeNode, ContainerChange } from "./types";

/** Folders first (a node with children), then by name, at every level. */
function sortNodes(nodes: ChangeNode[]): ChangeNode[] {
  nodes.sort(
    (a, b) =>
      Number(b.children.length > 0) - Number(a.children.length > 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const n of nodes) sortNodes(n.children);
  return nodes;
}

/**
 * The engine's flat change list as a tree under "/". A folder the engine lists (a "C" on /etc when
 * a file in it changed) carries its own kind; one it does not list is there only to hold its children.
 */
export function changesTree(items: readonly ContainerChange[]): ChangeNode[] {
  const root: ChangeNode = { name: "", path: "/", children: [] };
  const index = new Map<string, ChangeNode>([["/", root]]);
  const nodeAt = (path: string): ChangeNode => {
    const found = index.get(path);
    if (found) return found;
    const cut = path.lastIndexOf("/");
    const parent = nodeAt(cut <= 0 ? "/" : path.slice(0, cut));
    const node: ChangeNode = { name: path.slice(cut + 1), path, children: [] };
    parent.children.push(node);
    index.set(path, node);
    return node;
  };
  for (const c of items) if (c.path !== "/") nodeAt(c.path).kind = c.kind;
  return sortNodes(root.children);
}

export function changeCounts(items: readonly ContainerChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { C: 0, A: 0, D: 0 };
  for (const c of items) counts[c.kind]++;
  return counts;
}

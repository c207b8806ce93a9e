/** The engine's words for a node's status and a manager's reachability; others stay as written. */
export const NODE_STATUSES = ["ready", "down", "unknown", "disconnected"] as const;
export const REACHABILITIES = ["reachable", "unreachable", "unknown"] as const;

export const isIn = <T extends string>(list: readonly T[], word: string): word is T =>
  (list as readonly string[]).includes(word);

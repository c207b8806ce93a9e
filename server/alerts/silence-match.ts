import type { Silence } from "../../lib/alerts";

/** What a silence is matched against: an alert's rule, host and subject names. */
export interface SilenceSubject {
  ruleId: number;
  hostId: string;
  containerName?: string;
  project?: string;
  service?: string;
  /** A disk alert about a volume names it here. */
  details?: Record<string, unknown>;
}

/**
 * Whether a silence covers an alert now: in force, and its rule, host and subject (a container name,
 * a compose service as `project/service`, or a volume's name) each absent or equal.
 */
export function silenceCovers(s: Silence, a: SilenceSubject, now: number): boolean {
  if (s.startsAt > now || s.endsAt <= now) return false;
  if (s.ruleId && s.ruleId !== a.ruleId) return false;
  if (s.hostId && s.hostId !== a.hostId) return false;
  if (!s.subject) return true;
  return (
    s.subject === a.containerName ||
    (!!a.project && !!a.service && s.subject === `${a.project}/${a.service}`) ||
    (typeof a.details?.volume === "string" && s.subject === a.details.volume)
  );
}

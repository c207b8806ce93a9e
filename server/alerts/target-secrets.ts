import {
  TARGET_SECRETS,
  type TargetConfig,
  type TargetConfigShown,
  type TargetSecret,
} from "../../lib/alerts";
import { fieldIn } from "../../lib/parse";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** A stored config as an edit form may see it: without its secrets, and which of them it has. */
export function shownConfig(config: TargetConfig): { config: TargetConfigShown; stored: TargetSecret[] } {
  const secrets: readonly string[] = TARGET_SECRETS[config.kind];
  const shown = Object.fromEntries(Object.entries(config).filter(([k]) => !secrets.includes(k)));
  const stored = secrets.filter((k) => fieldIn(config, k) !== undefined) as TargetSecret[];
  return { config: shown as TargetConfigShown, stored };
}

/**
 * An update's body with the stored secrets it leaves out put back, before it is validated as a whole.
 * A secret left out or empty keeps the stored one, and null removes it. Only a config of the stored
 * kind takes them: a slack URL is not a discord one.
 */
export function withStoredSecrets(body: unknown, stored: TargetConfig): unknown {
  const config = fieldIn(body, "config");
  if (!isRecord(body) || !isRecord(config) || config.kind !== stored.kind) return body;
  const merged: Record<string, unknown> = { ...config };
  for (const key of TARGET_SECRETS[stored.kind]) {
    const sent = config[key];
    if (sent === null) delete merged[key];
    else if (sent === undefined || sent === "") {
      const kept = fieldIn(stored, key);
      if (kept === undefined) delete merged[key];
      else merged[key] = kept;
    }
  }
  return { ...body, config: merged };
}

/** Every kind's secret field names: a request of any kind, even a bad one, is audited without them. */
const ANY_SECRET = new Set<string>(Object.values(TARGET_SECRETS).flat());

/** What an audit entry may keep of a target request: its config without anything secret. */
export function auditedTarget(body: unknown): unknown {
  const config = fieldIn(body, "config");
  if (!isRecord(body) || !isRecord(config)) return body;
  return { ...body, config: Object.fromEntries(Object.entries(config).filter(([k]) => !ANY_SECRET.has(k))) };
}

import type { ContainerSpec } from "./types";

/** A blank form: the image's defaults everywhere, started once created. */
export function emptySpec(): ContainerSpec {
  return {
    image: "",
    name: "",
    cmd: [],
    entrypoint: [],
    workingDir: "",
    user: "",
    hostname: "",
    env: [],
    labels: [],
    ports: [],
    mounts: [],
    network: "",
    aliases: [],
    restart: { name: "no", maximumRetryCount: 0 },
    limits: {},
    tty: false,
    openStdin: false,
    autoRemove: false,
    start: true,
  };
}

export const RESTART_POLICIES = ["no", "always", "unless-stopped", "on-failure"] as const;

/** `--restart` text ("on-failure:3") as a policy, or an error naming the accepted values. */
export function parseRestart(text: string): ContainerSpec["restart"] | { error: string } {
  const [name = "", count, extra] = text.split(":");
  if (extra !== undefined || !(RESTART_POLICIES as readonly string[]).includes(name)) {
    return { error: `"${text}": must be no, always, unless-stopped or on-failure[:max-retries]` };
  }
  if (count !== undefined && (name !== "on-failure" || !/^\d+$/.test(count))) {
    return { error: `"${text}": only on-failure takes a retry count, a whole number` };
  }
  return { name: name as ContainerSpec["restart"]["name"], maximumRetryCount: count ? Number(count) : 0 };
}

export function formatRestart(r: ContainerSpec["restart"]): string {
  return r.name === "on-failure" && r.maximumRetryCount > 0 ? `on-failure:${r.maximumRetryCount}` : r.name;
}

/** `.env` text (KEY=value lines, `#` comments, optional `export `, optional quotes) as variables. */
export function parseEnvText(text: string): { env: ContainerSpec["env"]; errors: string[] } {
  const env: ContainerSpec["env"] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const body = line.replace(/^export\s+/, "");
    const eq = body.indexOf("=");
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!/^[^\s=]+$/.test(key)) {
      errors.push(`line ${i + 1}: "${line}" is not KEY=value`);
      return;
    }
    let value = eq < 0 ? "" : body.slice(eq + 1).trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1");
    }
    const existing = env.find((e) => e.key === key);
    if (existing) existing.value = value;
    else env.push({ key, value });
  });
  return { env, errors };
}

/** The form's fields that differ between two specs, by name (values stay out: env may hold secrets). */
export function specChanges(before: ContainerSpec, after: ContainerSpec): (keyof ContainerSpec)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof ContainerSpec)[]);
  keys.delete("start");
  return [...keys]
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .sort();
}

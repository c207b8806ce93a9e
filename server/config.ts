import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { HostConfigError, parseHostsSetting, toHostSpec, type HostSpec } from "./engines/host-spec";

/** The only module that reads process.env. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  WHARF_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WHARF_BIND: z.string().min(1).default("0.0.0.0"),
  WHARF_DATA_DIR: z.string().min(1).default("./data"),
  WHARF_HOSTS: z.string().optional(),
  WHARF_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  WHARF_SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  WHARF_SECRET_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  DOCKER_HOST: z.string().optional(),
  WHARF_PUBLIC_URL: z
    .string()
    .url("must be a URL")
    .refine((u) => /^https?:\/\//.test(u), "must be an http or https URL")
    .optional(),
  WHARF_METRICS_INTERVAL: z.coerce
    .number()
    .int("must be a whole number of seconds")
    .min(0, "must be 0 (off) or more seconds")
    .max(3600, "must be at most 3600 seconds")
    .default(10),
  WHARF_DISK_INTERVAL: z.coerce
    .number()
    .int("must be a whole number of seconds")
    .min(30, "must be at least 30 seconds")
    .max(86_400, "must be at most a day")
    .default(300),
  WHARF_DISK_PROBE_IMAGE: z.string().min(1).optional(),
  WHARF_IMAGE_UPDATE_INTERVAL: z.coerce
    .number()
    .int("must be a whole number of seconds")
    .min(60, "must be at least 60 seconds")
    .max(86_400, "must be at most a day")
    .default(600),
});

export interface Config {
  dev: boolean;
  port: number;
  bind: string;
  dataDir: string;
  hosts: HostSpec[];
  adminPassword?: string;
  secureCookies: "auto" | "always" | "never";
  /** Seals secrets at rest; when unset, a key file is generated in the data dir. */
  secretKey?: string;
  /** Where people reach Wharf, for the links in alert notifications; http://localhost:<port> when unset. */
  publicUrl?: string;
  /** How often the background collector reads every running container into the history; 0 turns it off. */
  metricsIntervalMs?: number;
  /** How often a host's disk is measured at most, while a disk rule, the overview or a scrape asks. */
  diskIntervalMs?: number;
  /** The image a remote host's disk probe runs; one already on each host is found when unset. */
  diskProbeImage?: string;
  /** How often image-update rules ask registries about running containers' images. */
  imageUpdateIntervalMs?: number;
  /** How long a container's stats stream outlives its last subscriber; not read from the env (tests set it). */
  statsGraceMs?: number;
}

export class ConfigError extends Error {}

function localEngine(dockerHost: string | undefined): HostSpec | undefined {
  const url = dockerHost ?? "unix:///var/run/docker.sock";
  if (url.startsWith("unix://") && !fs.existsSync(url.slice("unix://".length))) return undefined;
  return toHostSpec({ id: "local", name: "Local", url }, "DOCKER_HOST");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  let hosts: HostSpec[] = [];
  try {
    if (e.WHARF_HOSTS?.trim()) hosts = parseHostsSetting(e.WHARF_HOSTS);
    const local = localEngine(e.DOCKER_HOST);
    // The local engine joins unless an entry already claims its id or its socket.
    if (local && !hosts.some((h) => h.id === local.id || h.url === local.url)) hosts.unshift(local);
  } catch (err) {
    if (err instanceof HostConfigError) throw new ConfigError(`invalid configuration:\n  ${err.message}`);
    throw err;
  }
  return {
    dev: e.NODE_ENV !== "production",
    port: e.WHARF_PORT,
    bind: e.WHARF_BIND,
    dataDir: path.resolve(e.WHARF_DATA_DIR),
    hosts,
    adminPassword: e.WHARF_ADMIN_PASSWORD,
    secretKey: e.WHARF_SECRET_KEY,
    metricsIntervalMs: e.WHARF_METRICS_INTERVAL * 1000,
    diskIntervalMs: e.WHARF_DISK_INTERVAL * 1000,
    ...(e.WHARF_DISK_PROBE_IMAGE ? { diskProbeImage: e.WHARF_DISK_PROBE_IMAGE } : {}),
    imageUpdateIntervalMs: e.WHARF_IMAGE_UPDATE_INTERVAL * 1000,
    ...(e.WHARF_PUBLIC_URL ? { publicUrl: e.WHARF_PUBLIC_URL.replace(/\/+$/, "") } : {}),
    secureCookies:
      e.WHARF_SECURE_COOKIES === "true" ? "always" : e.WHARF_SECURE_COOKIES === "false" ? "never" : "auto",
  };
}

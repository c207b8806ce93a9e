import { z } from "zod";
import { containerRefSchema } from "./schemas";
import {
  addressBits,
  broadcastOf,
  cidrContainsCidr,
  cidrContainsIp,
  cidrsOverlap,
  formatIp,
  parseCidr,
  parseIp,
  type ParsedCidr,
} from "./networks-cidr";
import type { HostListError } from "./types";
import { labelsSchema, pruneFiltersSchema } from "./volumes";

export * from "./networks-cidr";

/** The engine's own networks: they cannot be removed, and prunes never touch them. */
export const PREDEFINED_NETWORKS = ["bridge", "host", "none"] as const;
export type PredefinedNetwork = (typeof PREDEFINED_NETWORKS)[number];
export const isPredefinedNetwork = (name: string): name is PredefinedNetwork =>
  (PREDEFINED_NETWORKS as readonly string[]).includes(name);

/** Networks as the REST API and the UI see them; times are epoch ms. */
export interface NetworkSummary {
  hostId: string;
  id: string;
  name: string;
  driver: string;
  /** "local", "swarm" or "global". */
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv6: boolean;
  ipamDriver: string;
  ipam: NetworkIpamConfig[];
  labels: Record<string, string>;
  /** Driver options (`Options`). */
  options: Record<string, string>;
  created?: number;
  /** bridge, host or none: cannot be removed. */
  predefined: boolean;
  /** Containers attached (running or not), as far as the caller's scope shows them. */
  containers: NetworkEndpoint[];
}

export interface NetworkIpamConfig {
  subnet: string;
  gateway?: string;
  ipRange?: string;
}

export interface NetworkEndpoint {
  containerId: string;
  name: string;
  state: string;
  /** CIDR notation as `docker network inspect` shows it, e.g. 10.0.0.2/24; absent while stopped. */
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  /** DNS aliases on this network, without the engine's automatic short-id alias. */
  aliases: string[];
}

export interface NetworkList {
  items: NetworkSummary[];
  errors?: HostListError[];
}

const objectNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(128, "is too long")
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    "may use letters, digits, '_', '.' and '-', and must start with a letter or digit",
  );

const aliasSchema = z
  .string()
  .min(1, "must not be empty")
  .max(253, "is too long")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "must be a DNS name of letters, digits, '_', '.' and '-'");

const ipv4Schema = z
  .string()
  .refine((s) => parseIp(s)?.family === 4, "must be an IPv4 address like 10.1.2.3");
const ipv6Schema = z.string().refine((s) => parseIp(s)?.family === 6, "must be an IPv6 address like fd00::2");

const ipamConfigSchema = z
  .object({
    Subnet: z.string().max(64, "is too long").optional(),
    Gateway: z.string().max(64, "is too long").optional(),
    IPRange: z.string().max(64, "is too long").optional(),
  })
  .strict();

/** Everything about addresses that can be checked before the engine is asked. */
function checkIpam(
  body: { EnableIPv6?: boolean; IPAM?: { Config?: z.infer<typeof ipamConfigSchema>[] } },
  ctx: z.RefinementCtx,
): void {
  const seen: { cidr: ParsedCidr; text: string }[] = [];
  (body.IPAM?.Config ?? []).forEach((cfg, i) => {
    const at = (field: string) => ["IPAM", "Config", i, field];
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: "custom", path: at(field), message });
    if (cfg.Subnet === undefined) {
      if (cfg.Gateway !== undefined) issue("Gateway", "needs a Subnet in the same entry");
      if (cfg.IPRange !== undefined) issue("IPRange", "needs a Subnet in the same entry");
      return;
    }
    const subnet = parseCidr(cfg.Subnet);
    if (!subnet) return issue("Subnet", `"${cfg.Subnet}" is not a CIDR like 10.1.0.0/24 or fd00:1::/64`);
    if (subnet.address !== subnet.network) {
      const fixed = `${formatIp(subnet.family, subnet.network)}/${subnet.prefix}`;
      return issue("Subnet", `"${cfg.Subnet}" has host bits set; did you mean ${fixed}?`);
    }
    if (subnet.family === 6 && !body.EnableIPv6) {
      ctx.addIssue({ code: "custom", path: ["EnableIPv6"], message: "must be true for an IPv6 subnet" });
    }
    const clash = seen.find((s) => cidrsOverlap(s.cidr, subnet));
    if (clash) return issue("Subnet", `"${cfg.Subnet}" overlaps ${clash.text} in this request`);
    seen.push({ cidr: subnet, text: cfg.Subnet });
    if (cfg.Gateway !== undefined) {
      const gw = parseIp(cfg.Gateway);
      if (!gw) issue("Gateway", `"${cfg.Gateway}" is not an IP address`);
      else if (!cidrContainsIp(subnet, gw))
        issue("Gateway", `${cfg.Gateway} is outside the subnet ${cfg.Subnet}`);
      else if (gw.value === subnet.network && subnet.prefix < addressBits(subnet.family) - 1)
        issue("Gateway", `${cfg.Gateway} is the subnet's network address`);
      else if (gw.value === broadcastOf(subnet))
        issue("Gateway", `${cfg.Gateway} is the subnet's broadcast address`);
    }
    if (cfg.IPRange !== undefined) {
      const range = parseCidr(cfg.IPRange);
      if (!range) issue("IPRange", `"${cfg.IPRange}" is not a CIDR`);
      else if (!cidrContainsCidr(subnet, range))
        issue("IPRange", `${cfg.IPRange} is outside the subnet ${cfg.Subnet}`);
    }
  });
}

/**
 * The Engine API's NetworkCreate body, limited to what Wharf offers: bridge networks, optionally
 * internal (no route out). `CheckDuplicate` is accepted and always on.
 */
export const networkCreateSchema = z
  .object({
    Name: objectNameSchema,
    Driver: z
      .enum(["bridge"], "must be bridge (Wharf creates bridge networks; make others with the CLI)")
      .default("bridge"),
    Internal: z.boolean().optional(),
    Attachable: z.boolean().optional(),
    EnableIPv6: z.boolean().optional(),
    CheckDuplicate: z.boolean().optional(),
    Options: z
      .record(
        z
          .string()
          .min(1)
          .max(255)
          .regex(/^[^\s=]+$/, "an option name must not contain spaces or '='"),
        z.string().max(4096),
      )
      .refine((r) => Object.keys(r).length <= 50, "at most 50 options")
      .optional(),
    Labels: labelsSchema.optional(),
    IPAM: z
      .object({
        Driver: z.literal("default", "must be default").optional(),
        Config: z.array(ipamConfigSchema).max(4, "at most 4 address pools").optional(),
        Options: z.record(z.string().max(255), z.string().max(4096)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine(checkIpam);
export type NetworkCreateRequest = z.input<typeof networkCreateSchema>;

export const networkConnectSchema = z
  .object({
    container: containerRefSchema,
    aliases: z.array(aliasSchema).max(32, "at most 32 aliases").optional(),
    ipv4Address: ipv4Schema.optional(),
    ipv6Address: ipv6Schema.optional(),
  })
  .strict();
export type NetworkConnectRequest = z.infer<typeof networkConnectSchema>;

export const networkDisconnectSchema = z
  .object({ container: containerRefSchema, force: z.boolean().optional() })
  .strict();
export type NetworkDisconnectRequest = z.infer<typeof networkDisconnectSchema>;

export const networkPruneSchema = z.object({ filters: pruneFiltersSchema.optional() }).strict();
export type NetworkPruneRequest = z.infer<typeof networkPruneSchema>;

export interface NetworkPruneResult {
  /** Names of the networks removed. */
  deleted: string[];
}

/** A network's path id: a full id, a unique id prefix, or a name. */
export const networkRefSchema = z
  .string()
  .min(1, "must not be empty")
  .max(255, "is too long")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "must be a network id, id prefix or name");

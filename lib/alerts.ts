import { z } from "zod";
import { hostIdSchema, labelSelectorSchema } from "./schemas";

/**
 * Ready-made rules. Container rules watch engine events (exit, oom, unhealthy, restart-loop), the
 * stats pipeline (cpu, memory) or the registries (image-update); host-down watches each host's
 * health, and disk each host's data root and volumes.
 */
export const RULE_KINDS = [
  "exit",
  "oom",
  "unhealthy",
  "restart-loop",
  "cpu",
  "memory",
  "host-down",
  "disk",
  "image-update",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const TARGET_KINDS = [
  "webhook",
  "slack",
  "discord",
  "ntfy",
  "email",
  "dingtalk",
  "wecom",
  "feishu",
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

const name = z.string().trim().min(1, "must not be empty").max(100, "is too long");
const seconds = z
  .number()
  .int("must be whole seconds")
  .min(1, "must be at least 1 s")
  .max(86_400, "must be at most a day");

export const ruleScopeSchema = z
  .object({
    hosts: z.array(hostIdSchema).max(200, "at most 200 hosts").optional(),
    labelSelector: labelSelectorSchema.optional(),
    /** A compose project's name. */
    stack: z.string().min(1).max(255).optional(),
    service: z.string().min(1).max(255).optional(),
  })
  .strict()
  .default({});
export type RuleScope = z.infer<typeof ruleScopeSchema>;

export const ruleParamsSchema = z
  .object({
    /** unhealthy, cpu, memory, host-down: how long the condition lasts before the alert fires. */
    seconds: seconds.optional(),
    /** restart-loop: this many restarts within `minutes` fire; as many quiet minutes resolve. */
    restarts: z.number().int().min(2, "must be at least 2").max(1000).optional(),
    minutes: z.number().int().min(1, "must be at least 1 minute").max(1440).optional(),
    /** cpu, memory: percent of the container's own limit (of the host when it has none); disk: percent full. */
    percent: z.number().gt(0, "must be above 0").max(100, "must be at most 100").optional(),
  })
  .strict()
  .default({});
export type RuleParams = z.infer<typeof ruleParamsSchema>;

/** The parameters each kind needs, in the order a form asks for them. */
export const RULE_PARAMS: Record<RuleKind, (keyof RuleParams)[]> = {
  exit: [],
  oom: [],
  unhealthy: ["seconds"],
  "restart-loop": ["restarts", "minutes"],
  cpu: ["percent", "seconds"],
  memory: ["percent", "seconds"],
  "host-down": ["seconds"],
  disk: ["percent"],
  "image-update": [],
};

export const ruleInputSchema = z
  .object({
    name,
    kind: z.enum(RULE_KINDS, { error: `must be one of ${RULE_KINDS.join(", ")}` }),
    enabled: z.boolean().default(true),
    scope: ruleScopeSchema,
    params: ruleParamsSchema,
    targets: z.array(z.number().int().positive()).max(20, "at most 20 targets").default([]),
    /** No second notification for the same subject within this many seconds. */
    cooldownSeconds: z
      .number()
      .int("must be whole seconds")
      .min(0, "must not be negative")
      .max(86_400, "must be at most a day")
      .default(300),
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const k of RULE_PARAMS[r.kind])
      if (r.params[k] === undefined)
        ctx.addIssue({ code: "custom", path: ["params", k], message: `is required for a ${r.kind} rule` });
  });
export type RuleInput = z.infer<typeof ruleInputSchema>;
export type Rule = RuleInput & { id: number; createdAt: number; createdBy: string };

const httpUrl = z
  .string()
  .url("must be a URL")
  .refine((u) => /^https?:\/\//i.test(u), "must be an http or https URL");

export const targetConfigSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("webhook"),
      url: httpUrl,
      /** Optional body with {{field}} placeholders (JSON-escaped); the alert as JSON when unset. */
      template: z.string().max(10_000, "is too long").optional(),
    }),
    z.object({ kind: z.literal("slack"), url: httpUrl }),
    z.object({ kind: z.literal("discord"), url: httpUrl }),
    z.object({ kind: z.literal("ntfy"), url: httpUrl, token: z.string().max(500).optional() }),
    z.object({
      kind: z.literal("email"),
      host: z.string().min(1, "must not be empty").max(255),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean().default(false),
      user: z.string().max(255).optional(),
      password: z.string().max(500).optional(),
      from: z.string().email("must be an email address"),
      to: z.array(z.string().email("must be an email address")).min(1, "needs at least one address").max(50),
    }),
    z.object({ kind: z.literal("dingtalk"), url: httpUrl, secret: z.string().max(500).optional() }),
    z.object({ kind: z.literal("wecom"), url: httpUrl }),
    z.object({ kind: z.literal("feishu"), url: httpUrl, secret: z.string().max(500).optional() }),
  ],
  { error: `kind: must be one of ${TARGET_KINDS.join(", ")}` },
);
export type TargetConfig = z.infer<typeof targetConfigSchema>;

export const targetInputSchema = z.object({ name, config: targetConfigSchema }).strict();
export type TargetInput = z.infer<typeof targetInputSchema>;

/**
 * Each kind's secret fields: never sent back to a browser, and kept when an update leaves them out.
 * A chat robot's or webhook's URL is its password, so it is one of them.
 */
export const TARGET_SECRETS = {
  webhook: ["url"],
  slack: ["url"],
  discord: ["url"],
  ntfy: ["url", "token"],
  email: ["password"],
  dingtalk: ["url", "secret"],
  wecom: ["url"],
  feishu: ["url", "secret"],
} as const satisfies { [K in TargetKind]: readonly (keyof Extract<TargetConfig, { kind: K }>)[] };
export type TargetSecret = (typeof TARGET_SECRETS)[TargetKind][number];

/** A target's config without its secrets, kind by kind. */
export type TargetConfigShown = TargetConfig extends infer C
  ? C extends TargetConfig
    ? Omit<C, TargetSecret>
    : never
  : never;

/** A target as its edit form gets it: the config without secrets, and which secrets are stored. */
export interface TargetEdit {
  id: number;
  name: string;
  endpoint: string;
  config: TargetConfigShown;
  stored: TargetSecret[];
}

/** A target as the API shows it: secrets (passwords, tokens, signing secrets) are never sent back. */
export interface TargetView {
  id: number;
  name: string;
  kind: TargetKind;
  /** The URL or mail server, for recognising it. */
  endpoint: string;
  createdAt: number;
  /** The latest delivery tried: sent, failed for good, or pending a retry after `error`. */
  lastDelivery?: { at: number; status: DeliveryStatus; error?: string };
}

export type AlertState = "firing" | "resolved";
export type DeliveryStatus = "pending" | "sent" | "failed";

export interface AlertView {
  id: number;
  ruleId: number;
  ruleName: string;
  kind: RuleKind;
  state: AlertState;
  hostId: string;
  containerId?: string;
  containerName?: string;
  project?: string;
  service?: string;
  summary: string;
  /** Exit code, restarts counted, the value over the threshold… */
  details: Record<string, string | number>;
  /** How many times the condition was met while this alert was open (a restart loop's restarts). */
  count: number;
  startedAt: number;
  resolvedAt?: number;
  silenced: boolean;
  ackedBy?: string;
  ackedAt?: number;
  deliveries: {
    targetId: number;
    event: AlertState;
    status: DeliveryStatus;
    attempts: number;
    error?: string;
  }[];
}

/**
 * Whether an alert is about something labelled, a container or a volume, so that a label scope
 * decides who sees it; an alert about a host itself (down, its disk) is seen by whoever sees the host.
 */
export const alertIsLabelled = (a: Pick<AlertView, "containerId" | "details">): boolean =>
  !!a.containerId || alertVolume(a) !== undefined;

/** The volume a disk alert is about, if it is about one rather than the engine's data root. */
export const alertVolume = (a: Pick<AlertView, "details">): string | undefined =>
  typeof a.details.volume === "string" ? a.details.volume : undefined;

export const silenceInputSchema = z
  .object({
    comment: z.string().max(500).default(""),
    ruleId: z.number().int().positive().optional(),
    hostId: hostIdSchema.optional(),
    /** Matches the container's name, the compose service as `project/service`, or a volume's name. */
    subject: z.string().min(1).max(255).optional(),
    startsAt: z.number().int().min(0).optional(),
    endsAt: z.number().int().min(0),
  })
  .strict()
  .refine((s) => s.endsAt > (s.startsAt ?? 0), { message: "must be after startsAt", path: ["endsAt"] });
export type SilenceInput = z.infer<typeof silenceInputSchema>;
export type Silence = SilenceInput & { id: number; createdBy: string; createdAt: number; startsAt: number };

import { z } from "zod";
import { MIN_MEMORY_BYTES } from "../schemas";
import { parseCpuset } from "../units";
import { engineKeyFold } from "./host-access";
import { parseVolumeSpec, VOLUME_NAME } from "./mounts";
import { isIpAddress, parsePortRange, PROTOCOLS } from "./ports";
import { RESTART_POLICIES } from "./spec";

/** Container names as the engine accepts them. */
export const containerNameSchema = z
  .string()
  .max(255, "is too long")
  .regex(
    /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/,
    "must be 2+ characters: letters, digits, '_', '.' or '-', starting with a letter or digit",
  );

const imageRef = z
  .string()
  .min(1, "is required")
  .max(512, "is too long")
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9._\-/:@[\]]*$/,
    "must be an image reference like nginx:1.27 or registry:5000/app@sha256:…",
  );

const absPath = z
  .string()
  .max(4096, "is too long")
  .refine((p) => p.startsWith("/"), "must be an absolute path");
const argv = z.union([z.array(z.string().max(64 * 1024)).max(1000), z.string().max(64 * 1024)]);
const int = (min: number, max: number, what: string) =>
  z.number().int("must be a whole number").min(min, what).max(max, what);

function isPortKey(k: string): boolean {
  const [port = "", proto = "tcp", extra] = k.split("/");
  const r = parsePortRange(port);
  return !!r && r[0] === r[1] && extra === undefined && (PROTOCOLS as readonly string[]).includes(proto);
}

/** A map keyed by "80/tcp"; a bad key is reported at its own path, naming the key. */
const portKeyed = <T extends z.ZodTypeAny>(value: T) =>
  z.record(z.string(), value).superRefine((rec, ctx) => {
    for (const k of Object.keys(rec)) {
      if (!isPortKey(k))
        ctx.addIssue({
          code: "custom",
          path: [k],
          message: "must be a port like 80/tcp (1-65535, tcp, udp or sctp)",
        });
    }
  });

const portBinding = z
  .object({
    HostIp: z
      .string()
      .refine((ip) => ip === "" || isIpAddress(ip), "must be an IP address or empty")
      .optional(),
    HostPort: z
      .string()
      .refine(
        (p) => p === "" || !!parsePortRange(p),
        "must be a port (1-65535), a range like 8000-8010, or empty",
      )
      .optional(),
  })
  .loose();

const bind = z.string().superRefine((b, ctx) => {
  const r = parseVolumeSpec(b);
  if ("error" in r) ctx.addIssue({ code: "custom", message: r.error });
});

const mount = z
  .object({
    Type: z.enum(["bind", "volume", "tmpfs", "npipe", "cluster"], "must be bind, volume or tmpfs"),
    Source: z.string().max(4096).optional(),
    Target: absPath,
    ReadOnly: z.boolean().optional(),
  })
  .loose()
  .superRefine((m, ctx) => {
    if (m.Type === "bind" && !m.Source?.startsWith("/")) {
      ctx.addIssue({
        code: "custom",
        path: ["Source"],
        message: "a bind source must be an absolute host path",
      });
    }
    if (m.Type === "volume" && m.Source && !VOLUME_NAME.test(m.Source)) {
      ctx.addIssue({ code: "custom", path: ["Source"], message: "must be a volume name" });
    }
  });

/**
 * The engine matches body keys without regard to case, so `binds` sets Binds while skipping the
 * checks made on Binds. A key spelt differently from one checked here is refused, naming both.
 */
function oneSpelling(o: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const known = new Map(CHECKED_KEYS.map((k) => [engineKeyFold(k), k]));
  for (const key of Object.keys(o)) {
    const meant = known.get(engineKeyFold(key));
    if (meant && meant !== key) {
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: `the engine reads this as ${meant}; write it ${meant}`,
      });
    }
  }
}

const hostConfig = z
  .object({
    Binds: z.array(bind).max(500).nullable().optional(),
    Mounts: z.array(mount).max(500).nullable().optional(),
    Tmpfs: z.record(absPath, z.string().max(1024)).nullable().optional(),
    PortBindings: portKeyed(z.array(portBinding).max(100).nullable()).nullable().optional(),
    RestartPolicy: z
      .object({
        Name: z.enum(["", ...RESTART_POLICIES], "must be no, always, unless-stopped or on-failure"),
        MaximumRetryCount: int(0, 1_000_000, "must be 0 or more").optional(),
      })
      .loose()
      .optional(),
    NetworkMode: z
      .string()
      .max(255)
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/, "must be a network name or mode")
      .optional(),
    AutoRemove: z.boolean().optional(),
    Memory: z
      .number()
      .int("must be a whole number of bytes")
      .refine(
        (v) => v === 0 || v >= MIN_MEMORY_BYTES,
        "must be at least 6 MiB (6291456 bytes), or 0 for no limit",
      )
      .optional(),
    MemoryReservation: int(0, Number.MAX_SAFE_INTEGER, "must not be negative").optional(),
    MemorySwap: int(-1, Number.MAX_SAFE_INTEGER, "must be -1 (unlimited) or more").optional(),
    NanoCpus: int(0, 1024e9, "must be between 0 and 1024 CPUs in nano-CPUs").optional(),
    CpuShares: int(0, 262_144, "must be between 0 and 262144").optional(),
    CpuQuota: int(-1, 1e12, "must be -1 or more").optional(),
    CpuPeriod: int(0, 1_000_000, "must be at most 1000000 µs").optional(),
    CpusetCpus: z
      .string()
      .refine((v) => parseCpuset(v) !== undefined, "must be a list like 0-2,4")
      .optional(),
    CpusetMems: z
      .string()
      .refine((v) => parseCpuset(v) !== undefined, "must be a list like 0-2,4")
      .optional(),
    PidsLimit: z
      .number()
      .int("must be a whole number")
      .min(-1, "must be -1 (unlimited) or more")
      .nullable()
      .optional(),
    BlkioWeight: z
      .number()
      .int()
      .refine((v) => v === 0 || (v >= 10 && v <= 1000), "must be 0 or between 10 and 1000")
      .optional(),
  })
  .loose()
  .superRefine(oneSpelling);

const duration = int(0, Number.MAX_SAFE_INTEGER, "must be 0 or more nanoseconds").refine(
  (v) => v === 0 || v >= 1_000_000,
  "must be 0 (the default) or at least 1ms (1000000 ns)",
);

/** The Engine API's ContainerCreate body: the fields Wharf's form writes are checked, others pass through. */
export const createConfigSchema = z
  .object({
    Image: imageRef,
    Cmd: argv.nullable().optional(),
    Entrypoint: argv.nullable().optional(),
    WorkingDir: z
      .string()
      .max(4096)
      .refine((p) => p === "" || p.startsWith("/"), "must be an absolute path")
      .optional(),
    User: z.string().max(256).optional(),
    Hostname: z
      .string()
      .max(253)
      .regex(/^([a-zA-Z0-9][a-zA-Z0-9._-]*)?$/, "must be a hostname: letters, digits, '.', '_' or '-'")
      .optional(),
    Env: z
      .array(
        z
          .string()
          .max(128 * 1024)
          .regex(/^[^=\s]+(=|$)/, "must be KEY=value"),
      )
      .max(1000)
      .nullable()
      .optional(),
    Labels: z
      .record(z.string().min(1, "label keys must not be empty").max(1024), z.string().max(64 * 1024))
      .nullable()
      .optional(),
    ExposedPorts: portKeyed(z.object({}).loose()).nullable().optional(),
    Tty: z.boolean().optional(),
    OpenStdin: z.boolean().optional(),
    Healthcheck: z
      .object({
        Test: z.array(z.string()).optional(),
        Interval: duration.optional(),
        Timeout: duration.optional(),
        StartPeriod: duration.optional(),
        Retries: int(0, 1_000_000, "must be 0 or more").optional(),
      })
      .loose()
      .optional(),
    HostConfig: hostConfig.optional(),
    NetworkingConfig: z
      .object({
        EndpointsConfig: z
          .record(
            z.string().min(1).max(255),
            z.object({ Aliases: z.array(z.string().min(1).max(255)).max(100).nullable().optional() }).loose(),
          )
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose()
  .superRefine(oneSpelling);

/** The keys whose values are checked above, in the config and its HostConfig. */
const CHECKED_KEYS = [...Object.keys(createConfigSchema.shape), ...Object.keys(hostConfig.shape)];

export const createRequestSchema = z
  .object({
    name: containerNameSchema.optional(),
    start: z.boolean().optional(),
    config: createConfigSchema,
  })
  .strict();

export const recreateRequestSchema = z
  .object({
    name: containerNameSchema.optional(),
    start: z.boolean().optional(),
    config: createConfigSchema,
  })
  .strict();

export type CreateContainerRequest = z.infer<typeof createRequestSchema>;
export type RecreateContainerRequest = z.infer<typeof recreateRequestSchema>;

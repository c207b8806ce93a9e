"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import type { SystemInfo } from "@/lib/system";

/** Each cell's test id: its English name, whatever the language shown. */
const TEST_ID = {
  engine: "Engine",
  os: "OS",
  kernel: "Kernel",
  cpus: "CPUs",
  memory: "Memory",
  cgroup: "Cgroup",
  storageDriver: "Storage driver",
  loggingDriver: "Logging driver",
  containers: "Containers",
  images: "Images",
  rootDir: "Root dir",
  swarm: "Swarm",
  security: "Security",
  plugins: "Plugins",
} as const;

type Cell = keyof typeof TEST_ID;

/** The engine's `docker info` essentials in a compact grid. */
export function EngineInfoGrid({ info }: { info: SystemInfo }) {
  const t = useTranslations("system.info");
  const fmt = useFormat();
  const cells: [Cell, ReactNode][] = [
    ["engine", `${info.serverVersion} (API ${info.apiVersion})`],
    ["os", `${info.os} · ${info.osType}/${info.architecture}`],
    ["kernel", info.kernelVersion],
    ["cpus", info.cpus],
    ["memory", fmt.bytes(info.memoryBytes)],
    ["cgroup", `${info.cgroupDriver} · v${info.cgroupVersion}`],
    ["storageDriver", info.storageDriver],
    ["loggingDriver", info.loggingDriver],
    [
      "containers",
      t("containersValue", {
        total: info.containers,
        running: info.containersRunning,
        paused: info.containersPaused,
        stopped: info.containersStopped,
      }),
    ],
    ["images", info.images],
    [
      "rootDir",
      <span key="r" className="font-mono text-xs">
        {info.rootDir}
      </span>,
    ],
    ["swarm", info.swarm],
    ["security", info.securityOptions.map((o) => /name=(\w+)/.exec(o)?.[1] ?? o).join(", ") || "—"],
    [
      "plugins",
      Object.entries(info.plugins)
        .map(([k, v]) => `${k}: ${v.join(", ")}`)
        .join(" · ") || "—",
    ],
  ];
  return (
    <div>
      <dl
        className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-x-4 gap-y-2"
        data-testid="engine-info"
      >
        {cells.map(([k, v]) => (
          <div key={k} className="min-w-0">
            <dt className="text-[11px] text-muted">{t(k)}</dt>
            <dd
              className="truncate"
              title={typeof v === "string" ? v : undefined}
              data-testid={`info-${TEST_ID[k]}`}
            >
              {v}
            </dd>
          </div>
        ))}
      </dl>
      {info.warnings.length > 0 && (
        <ul className="mt-3 flex flex-col gap-0.5 text-[12px] text-warn" data-testid="engine-warnings">
          {info.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { ReactNode } from "react";
import { formatBytes } from "@/lib/format";
import type { SystemInfo } from "@/lib/system";

/** The engine's `docker info` essentials in a compact grid. */
export function EngineInfoGrid({ info }: { info: SystemInfo }) {
  const cells: [string, ReactNode][] = [
    ["Engine", `${info.serverVersion} (API ${info.apiVersion})`],
    ["OS", `${info.os} · ${info.osType}/${info.architecture}`],
    ["Kernel", info.kernelVersion],
    ["CPUs", info.cpus],
    ["Memory", formatBytes(info.memoryBytes)],
    ["Cgroup", `${info.cgroupDriver} · v${info.cgroupVersion}`],
    ["Storage driver", info.storageDriver],
    ["Logging driver", info.loggingDriver],
    [
      "Containers",
      `${info.containers} (${info.containersRunning} running, ${info.containersPaused} paused, ${info.containersStopped} stopped)`,
    ],
    ["Images", info.images],
    [
      "Root dir",
      <span key="r" className="font-mono text-xs">
        {info.rootDir}
      </span>,
    ],
    ["Swarm", info.swarm],
    ["Security", info.securityOptions.map((o) => /name=(\w+)/.exec(o)?.[1] ?? o).join(", ") || "—"],
    [
      "Plugins",
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
            <dt className="text-[11px] text-muted">{k}</dt>
            <dd className="truncate" title={typeof v === "string" ? v : undefined} data-testid={`info-${k}`}>
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

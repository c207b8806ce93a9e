"use client";
import type { Ref } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import { formatPercent } from "./format";
import { Sparkline } from "./Sparkline";

/**
 * A row's CPU and memory cells: the recent values as a sparkline and the last one as a figure, or
 * `empty` (in muted text) while there are none. CPU is in % (100 % = one CPU), memory in bytes.
 */
export function FigureCells({
  cpu,
  mem,
  empty,
  cellRef,
  testIds,
  titles = {},
  className = "px-2",
}: {
  cpu: readonly number[];
  mem: readonly number[];
  empty: string;
  cellRef?: Ref<HTMLTableCellElement>;
  testIds: { cpu: string; mem: string };
  titles?: { cpu?: string; mem?: string };
  className?: string;
}) {
  const fmt = useFormat();
  const cell = `${className} text-right whitespace-nowrap tabular-nums`;
  const lastCpu = cpu.at(-1);
  const lastMem = mem.at(-1);
  return (
    <>
      <td ref={cellRef} className={cell} data-testid={testIds.cpu} title={titles.cpu}>
        {lastCpu !== undefined ? (
          <>
            <Sparkline values={cpu} max={Math.max(1, ...cpu)} className="mr-1 text-accent" />
            {formatPercent(lastCpu)}
          </>
        ) : (
          <span className="text-muted">{empty}</span>
        )}
      </td>
      <td className={cell} data-testid={testIds.mem} title={titles.mem}>
        {lastMem !== undefined ? (
          <>
            <Sparkline values={mem} className="mr-1 text-ok" />
            {fmt.bytes(lastMem)}
          </>
        ) : (
          <span className="text-muted">{empty}</span>
        )}
      </td>
    </>
  );
}

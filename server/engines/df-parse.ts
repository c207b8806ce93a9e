import { diskFigure, type DiskFigure } from "../../lib/disk";

/** What `fs.statfs` answers, as far as a figure needs it. */
export interface StatFsCounts {
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
}

/** A filesystem's figure from statfs: used is what is not free to anyone, free what a user may still write. */
export function figureOfStatfs(s: StatFsCounts): DiskFigure | undefined {
  return diskFigure(s.blocks * s.bsize, (s.blocks - s.bfree) * s.bsize, s.bavail * s.bsize);
}

const ROW = /^(.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)%\s+(\/.*)$/;

/**
 * `df -P` output (POSIX: one line per filesystem, never wrapped), by the mount point in its last
 * column. The block size comes from the header (`1024-blocks`, `512-blocks`). Lines that are not a
 * figure (an error df printed for one path) are left out, so the caller sees which mount is missing.
 */
export function parseDfP(text: string): Map<string, DiskFigure> {
  const out = new Map<string, DiskFigure>();
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const header = lines.findIndex((l) => /^Filesystem\s/i.test(l));
  if (header < 0) return out;
  const unit = Number(/(\d+)-blocks/i.exec(lines[header] ?? "")?.[1] ?? 1024);
  for (const line of lines.slice(header + 1)) {
    const m = ROW.exec(line);
    if (!m) continue;
    const [size, used, free] = [m[2], m[3], m[4]].map((n) => Number(n) * unit) as [number, number, number];
    const figure = diskFigure(size, used, free);
    if (figure) out.set(m[6] as string, figure);
  }
  return out;
}

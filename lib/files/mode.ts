import type { FileType } from "./types";

const TYPE_CHAR = {
  file: "-",
  dir: "d",
  symlink: "l",
  hardlink: "-",
  "char-device": "c",
  "block-device": "b",
  fifo: "p",
  socket: "s",
  other: "?",
} as const satisfies Record<FileType, string>;

/** Permission bits (with setuid, setgid and sticky) in octal, at least four digits: 0o755 → "0755". */
export const octalMode = (mode: number) => (mode & 0o7777).toString(8).padStart(4, "0");

/** The mode as `ls -l` shows it, e.g. "drwxr-xr-x" or "-rwsr-xr-x". */
export function permissionString(type: FileType, mode: number): string {
  const bit = (mask: number, c: string) => (mode & mask ? c : "-");
  const exec = (x: number, special: number, on: string, off: string) =>
    mode & special ? (mode & x ? on : off) : bit(x, "x");
  return (
    TYPE_CHAR[type] +
    bit(0o400, "r") +
    bit(0o200, "w") +
    exec(0o100, 0o4000, "s", "S") +
    bit(0o40, "r") +
    bit(0o20, "w") +
    exec(0o10, 0o2000, "s", "S") +
    bit(0o4, "r") +
    bit(0o2, "w") +
    exec(0o1, 0o1000, "t", "T")
  );
}

/** `xxd`-style lines: offset, sixteen bytes in hex, and the printable ones as text. */
export function hexLines(bytes: Uint8Array, max = 4096): string[] {
  const lines: string[] = [];
  const end = Math.min(bytes.length, max);
  for (let at = 0; at < end; at += 16) {
    const row = bytes.subarray(at, Math.min(at + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, "0"));
    const pairs: string[] = [];
    for (let i = 0; i < 16; i += 2) pairs.push(`${hex[i] ?? "  "}${hex[i + 1] ?? "  "}`);
    const text = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join("");
    lines.push(`${at.toString(16).padStart(8, "0")}: ${pairs.join(" ")}  ${text}`);
  }
  return lines;
}

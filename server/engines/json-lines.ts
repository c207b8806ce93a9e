/** Splits a byte stream of newline-delimited JSON into objects; tolerates chunks that cut a line or a UTF-8 character. */
export function createJsonLineParser(onObject: (value: unknown) => void, onBadLine?: (line: string) => void) {
  const decoder = new TextDecoder();
  let pending = "";
  return (chunk: Uint8Array | string) => {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (!line) continue;
      try {
        onObject(JSON.parse(line));
      } catch {
        onBadLine?.(line);
      }
    }
  };
}

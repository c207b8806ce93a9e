/** A command line as the form shows it, and back: POSIX-shell quoting without expansion. */
export function splitArgs(text: string): string[] | string {
  const out: string[] = [];
  let cur = "";
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1] ?? "")) cur += text[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === "\\" && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
    }
  }
  if (quote) return `unterminated ${quote} quote`;
  if (has || cur) out.push(cur);
  return out;
}

const SAFE = /^[\w@%+=:,./-]+$/;

export function quoteArg(a: string): string {
  return a !== "" && SAFE.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

export function joinArgs(argv: readonly string[]): string {
  return argv.map(quoteArg).join(" ");
}

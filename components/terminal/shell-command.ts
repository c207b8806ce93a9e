/** What the user asked to run: the automatic shell (bash when present, else sh) or their own command. */
export type ShellChoice = "auto" | "sh" | "bash" | "custom";

export interface TerminalOptions {
  shell: ShellChoice;
  /** The command line for `custom`, split like a shell would (quotes, backslashes), never run by one. */
  custom: string;
  user: string;
  workingDir: string;
}

export const DEFAULT_OPTIONS: TerminalOptions = { shell: "auto", custom: "", user: "", workingDir: "" };

/**
 * Splits a command line into argv: whitespace separates, single quotes keep everything, double
 * quotes keep everything but `\"` and `\\`, a backslash outside quotes keeps the next character.
 * Throws on an unterminated quote, so a typo is not run as something else.
 */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let started = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      started = true;
    } else if (/\s/.test(c)) {
      if (started) out.push(cur);
      cur = "";
      started = false;
    } else {
      cur += c;
      started = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote === "'" ? "single" : "double"} quote`);
  if (started) out.push(cur);
  return out;
}

/** The exec:start fields for these options; `cmd` is left out for the automatic shell. */
export function execRequest(o: TerminalOptions): { cmd?: string[]; user?: string; workingDir?: string } {
  let cmd: string[] | undefined;
  if (o.shell === "sh" || o.shell === "bash") cmd = [o.shell];
  else if (o.shell === "custom") {
    cmd = splitCommand(o.custom);
    if (!cmd.length) throw new Error("cmd: enter a command to run");
  }
  return {
    ...(cmd ? { cmd } : {}),
    ...(o.user.trim() ? { user: o.user.trim() } : {}),
    ...(o.workingDir.trim() ? { workingDir: o.workingDir.trim() } : {}),
  };
}

/** A short description for the status line. */
export function describeCommand(o: TerminalOptions): string {
  const what = o.shell === "auto" ? "bash or sh" : o.shell === "custom" ? o.custom.trim() : o.shell;
  const who = o.user.trim() ? ` as ${o.user.trim()}` : "";
  const where = o.workingDir.trim() ? ` in ${o.workingDir.trim()}` : "";
  return `${what}${who}${where}`;
}

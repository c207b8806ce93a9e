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

/** Why a command line cannot be run: a key of the terminal catalog's `commandError` messages. */
export type CommandLineProblem = "unterminatedSingle" | "unterminatedDouble" | "empty";

/** A command line that cannot be run; the view says `problem` in the user's language. */
export class CommandLineError extends Error {
  constructor(
    readonly problem: CommandLineProblem,
    message: string,
  ) {
    super(message);
    this.name = "CommandLineError";
  }
}

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
  if (quote === "'") throw new CommandLineError("unterminatedSingle", "unterminated single quote");
  if (quote === '"') throw new CommandLineError("unterminatedDouble", "unterminated double quote");
  if (started) out.push(cur);
  return out;
}

/** The exec:start fields for these options; `cmd` is left out for the automatic shell. */
export function execRequest(o: TerminalOptions): { cmd?: string[]; user?: string; workingDir?: string } {
  let cmd: string[] | undefined;
  if (o.shell === "sh" || o.shell === "bash") cmd = [o.shell];
  else if (o.shell === "custom") {
    cmd = splitCommand(o.custom);
    if (!cmd.length) throw new CommandLineError("empty", "cmd: enter a command to run");
  }
  return {
    ...(cmd ? { cmd } : {}),
    ...(o.user.trim() ? { user: o.user.trim() } : {}),
    ...(o.workingDir.trim() ? { workingDir: o.workingDir.trim() } : {}),
  };
}

/** The messages describeCommand says things with: the terminal catalog's translator. */
export type CommandWords = (
  key: "command.auto" | "command.asUser" | "command.inDir" | "command.asUserInDir",
  values?: { what: string; user?: string; dir?: string },
) => string;

/** A short description for the status line, in the words of `t`. */
export function describeCommand(o: TerminalOptions, t: CommandWords): string {
  const what = o.shell === "auto" ? t("command.auto") : o.shell === "custom" ? o.custom.trim() : o.shell;
  const user = o.user.trim();
  const dir = o.workingDir.trim();
  if (user && dir) return t("command.asUserInDir", { what, user, dir });
  if (user) return t("command.asUser", { what, user });
  if (dir) return t("command.inDir", { what, dir });
  return what;
}

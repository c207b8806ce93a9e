import { shellQuote, ShellSyntaxError, splitShellWords } from "@/lib/container-spec/shell-words";

/** A command field's text as an argument vector (shell quoting, nothing expanded), or the syntax error. */
export function splitArgs(text: string): string[] | string {
  try {
    return splitShellWords(text).words;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.message;
    throw e;
  }
}

export function joinArgs(argv: readonly string[]): string {
  return argv.map((a) => (a === "" ? "''" : shellQuote(a))).join(" ");
}

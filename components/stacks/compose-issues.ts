/** The server's findings about a compose file (`details.issues`), placed in the file or its `.env`. */
import { ApiError } from "@/components/api/client";
import { fieldIn } from "@/lib/parse";

export interface StackIssue {
  /** `services.web.ports[0]`, `.env`, or a request field such as `name`. */
  path: string;
  message: string;
  /** Which editor the issue is in, when it names a place in one. */
  file?: "compose" | "env";
  /** 1-based line and column in that file. */
  line?: number;
  col?: number;
}

const ENV_LINE = /^line (\d+): /;

/** The issues a VALIDATION error of a stack request carries; none for any other error. */
export function stackIssues(err: unknown): StackIssue[] {
  if (!(err instanceof ApiError) || err.code !== "VALIDATION") return [];
  const raw = fieldIn(err.details, "issues");
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: unknown): StackIssue[] => {
    const message = fieldIn(i, "message");
    // Compose issues name a path; a request field's own reasons name a field.
    const path = fieldIn(i, "path") ?? fieldIn(i, "field");
    if (typeof message !== "string" || typeof path !== "string") return [];
    const line = fieldIn(i, "line");
    const col = fieldIn(i, "col");
    if (path === ".env") {
      const m = ENV_LINE.exec(message);
      return [
        m
          ? { path, message: message.slice(m[0].length), file: "env", line: Number(m[1]) }
          : { path, message, file: "env" },
      ];
    }
    if (typeof line === "number" && line > 0) {
      return [
        { path, message, file: "compose", line, ...(typeof col === "number" && col > 0 ? { col } : {}) },
      ];
    }
    return [{ path, message }];
  });
}

/**
 * The span an issue marks in a text: from its column to the end of the word there (the whole line
 * when it has no column), clamped to the text, never empty unless the line is.
 */
export function issueRange(text: string, line: number, col?: number): { from: number; to: number } {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next < 0) return { from: text.length, to: text.length };
    start = next + 1;
  }
  const end = text.indexOf("\n", start) < 0 ? text.length : text.indexOf("\n", start);
  const lineText = text.slice(start, end);
  if (col === undefined) {
    const indent = /^\s*/.exec(lineText)?.[0].length ?? 0;
    return { from: start + Math.min(indent, lineText.length), to: end };
  }
  const from = start + Math.min(col - 1, lineText.length);
  const word = /^[^\s,:\]}]+/.exec(text.slice(from, end))?.[0].length ?? 0;
  return { from, to: Math.max(from + word, Math.min(from + 1, end)) };
}

/**
 * Splits a pasted shell line into words the way a POSIX shell would, without running anything:
 * quotes and escapes are honoured, `$VAR` and `$(…)` stay literal (with a notice, since a shell
 * would have expanded them), and a line ends at `;`, `&&`, `|` or a comment.
 */
export interface ShellWords {
  words: string[];
  notices: string[];
}

const EXPANSION = /\$(\{[^}]*\}|\([^)]*\)?|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/;
const DOUBLE_QUOTE_ESCAPES = new Set(["$", "`", '"', "\\"]);
const ANSI_C: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  e: "\x1b",
  "0": "\0",
};

export function splitShellWords(line: string): ShellWords {
  const words: string[] = [];
  const notices = new Set<string>();
  let word = "";
  let inWord = false;
  let i = 0;
  const noteExpansion = (text: string) => {
    const m = EXPANSION.exec(text);
    if (m) notices.add(`${m[0]} was kept literally; a shell would have expanded it, so check the value`);
    if (text.includes("`")) notices.add("a `…` command substitution was kept literally");
  };
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === "\\") {
      const next = line[i + 1];
      if (next === "\n") i += 2;
      else if (next === "\r" && line[i + 2] === "\n") i += 3;
      else if (next === undefined) i++;
      else {
        word += next;
        inWord = true;
        i += 2;
      }
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("a single quote is not closed");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === "$" && line[i + 1] === "'") {
      i = readAnsiC(line, i + 2, (s) => (word += s));
      inWord = true;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        const d = line[j];
        if (d === undefined) throw new ShellSyntaxError("a double quote is not closed");
        if (d === '"') break;
        if (d === "\\" && line[j + 1] === "\n") j += 2;
        else if (d === "\\" && DOUBLE_QUOTE_ESCAPES.has(line[j + 1] ?? "")) {
          text += line[j + 1];
          j += 2;
        } else {
          if (d === "$" || d === "`") noteExpansion(line.slice(j, j + 40));
          text += d;
          j++;
        }
      }
      word += text;
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      endWord();
      i++;
      continue;
    }
    if (c === "#" && !inWord) break;
    if (c === ";" || c === "|" || c === "&" || c === ">" || c === "<") {
      notices.add(`the line was read up to "${c}"; only the first command is imported`);
      break;
    }
    if (c === "$" || c === "`") noteExpansion(line.slice(i, i + 40));
    word += c;
    inWord = true;
    i++;
  }
  endWord();
  return { words, notices: [...notices] };
}

function readAnsiC(line: string, start: number, emit: (s: string) => void): number {
  let j = start;
  for (;;) {
    const d = line[j];
    if (d === undefined) throw new ShellSyntaxError("a $'…' quote is not closed");
    if (d === "'") return j + 1;
    if (d === "\\" && line[j + 1] !== undefined) {
      const e = line[j + 1] as string;
      emit(ANSI_C[e] ?? `\\${e}`);
      j += 2;
    } else {
      emit(d);
      j++;
    }
  }
}

export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word, safe to paste into a POSIX shell: bare when it can be, else in single quotes. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

import { describe, expect, it } from "vitest";
import { parseEnvFile } from "./env-file";

describe("parseEnvFile", () => {
  it("reads KEY=VALUE lines, skipping blanks and comments", () => {
    const text = [
      "# database",
      "",
      "DB_HOST=db",
      "  DB_PORT = 5432  ",
      "\t# indented comment",
      "export TOKEN=abc",
    ].join("\n");
    expect(parseEnvFile(text)).toEqual({
      vars: { DB_HOST: "db", DB_PORT: "5432", TOKEN: "abc" },
      issues: [],
      unset: [],
    });
  });

  it("keeps empty values, and '=' inside values", () => {
    expect(parseEnvFile("EMPTY=\nALSO_EMPTY=''\nQ=\"\"\nURL=a=b=c").vars).toEqual({
      EMPTY: "",
      ALSO_EMPTY: "",
      Q: "",
      URL: "a=b=c",
    });
  });

  it("drops a trailing comment from an unquoted value, not a # inside a word", () => {
    expect(parseEnvFile("A=value # note\nB=pass#word\nC=#").vars).toEqual({
      A: "value",
      B: "pass#word",
      C: "#",
    });
  });

  it("takes single-quoted values literally", () => {
    expect(parseEnvFile("A='$HOME \\n ${X:?no}' # c").vars).toEqual({ A: "$HOME \\n ${X:?no}" });
  });

  it("reads escapes in double quotes, and keeps a # inside quotes", () => {
    expect(parseEnvFile('A="line1\\nline2\\t\\"q\\" \\\\ # not a comment"').vars).toEqual({
      A: 'line1\nline2\t"q" \\ # not a comment',
    });
  });

  it("lets quoted values span lines", () => {
    const text = "KEY=\"-----BEGIN\nabc\n-----END\"\nNEXT=1\nS='a\nb'";
    expect(parseEnvFile(text).vars).toEqual({ KEY: "-----BEGIN\nabc\n-----END", NEXT: "1", S: "a\nb" });
  });

  it("expands variables from earlier lines, then from the fallback", () => {
    const env = parseEnvFile(
      'HOST=db\nURL=postgres://${HOST}:${PORT:-5432}/$NAME\nQ="${HOST}"\nLIT=\'${HOST}\'\nDOLLAR="\\$HOST"',
      (n) => (n === "NAME" ? "app" : undefined),
    );
    expect(env.vars).toEqual({
      HOST: "db",
      URL: "postgres://db:5432/app",
      Q: "db",
      LIT: "${HOST}",
      DOLLAR: "$HOST",
    });
    expect(env.unset).toEqual([]);
  });

  it("names variables read while unset", () => {
    expect(parseEnvFile("A=${NOPE}x")).toEqual({ vars: { A: "x" }, issues: [], unset: ["NOPE"] });
  });

  it("takes a bare KEY from the fallback, and skips it without one", () => {
    expect(parseEnvFile("FROM_ENV\nMISSING", (n) => (n === "FROM_ENV" ? "v" : undefined)).vars).toEqual({
      FROM_ENV: "v",
    });
  });

  it("later lines win", () => {
    expect(parseEnvFile("A=1\nA=2").vars).toEqual({ A: "2" });
  });

  it("reads CRLF files", () => {
    expect(parseEnvFile("A=1\r\nB=2\r\n").vars).toEqual({ A: "1", B: "2" });
  });

  it("reports bad lines by number and keeps the good ones", () => {
    const env = parseEnvFile("GOOD=1\nBAD KEY=2\n1X=3\nQ=\"open\nR=${X:?needed}\nS='a' trailing");
    expect(env.vars).toEqual({ GOOD: "1" });
    expect(env.issues).toEqual([
      { line: 2, message: 'cannot read "BAD KEY=2"; expected KEY=VALUE' },
      { line: 3, message: '"1X" is not a valid variable name' },
      { line: 4, message: "the double quote is not closed" },
    ]);
  });

  it("reports a required variable and text after a closing quote", () => {
    const env = parseEnvFile("R=${X:?needed}\nS='a' trailing");
    expect(env.issues).toEqual([
      { line: 1, message: 'required variable "X" is missing a value: needed' },
      { line: 2, message: 'unexpected "trailing" after the closing quote' },
    ]);
  });
});

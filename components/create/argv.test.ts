import { describe, expect, it } from "vitest";
import { joinArgs, splitArgs } from "./argv";
import { mergeEnv, parseEnvText } from "./env-text";

describe("command lines", () => {
  it("splits with quotes and escapes, keeping empty quoted arguments", () => {
    expect(splitArgs(`sh -c 'echo "hi there"' "" a\\ b`)).toEqual(["sh", "-c", 'echo "hi there"', "", "a b"]);
    expect(splitArgs("  ")).toEqual([]);
    expect(splitArgs("echo 'oops")).toBe("unterminated ' quote");
  });

  it("round-trips through join", () => {
    const argv = ["sh", "-c", "echo it's $HOME", "", "plain/path:1"];
    expect(joinArgs(argv)).toBe(`sh -c 'echo it'\\''s $HOME' '' plain/path:1`);
    expect(splitArgs(joinArgs(argv))).toEqual(argv);
  });
});

describe(".env text", () => {
  it("reads assignments, quotes and export, and reports lines it cannot read", () => {
    const r = parseEnvText(`# db\nexport A=1\nB="two words"\nC='x=y'\n\nnot a line\nD=`);
    expect(r.env).toEqual([
      { key: "A", value: "1" },
      { key: "B", value: "two words" },
      { key: "C", value: "x=y" },
      { key: "D", value: "" },
    ]);
    expect(r.skipped).toEqual(["not a line"]);
  });

  it("merges pasted variables over existing ones by key", () => {
    const merged = mergeEnv(
      [
        { key: "A", value: "old" },
        { key: "", value: "" },
        { key: "K", value: "keep" },
      ],
      [
        { key: "A", value: "new" },
        { key: "Z", value: "added" },
      ],
    );
    expect(merged).toEqual([
      { key: "A", value: "new" },
      { key: "K", value: "keep" },
      { key: "Z", value: "added" },
    ]);
  });
});

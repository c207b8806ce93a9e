import { describe, expect, it } from "vitest";
import { joinArgs, splitArgs } from "./argv";
import { mergeEnv } from "./env-text";

describe("command fields", () => {
  it("split with quotes and escapes, keeping empty quoted arguments", () => {
    expect(splitArgs(`sh -c 'echo "hi there"' "" a\\ b`)).toEqual(["sh", "-c", 'echo "hi there"', "", "a b"]);
    expect(splitArgs("  ")).toEqual([]);
    expect(splitArgs("echo 'oops")).toBe("a single quote is not closed");
  });

  it("round-trip through join", () => {
    const argv = ["sh", "-c", "echo it's $HOME && exit 1", "", "plain/path:1"];
    expect(splitArgs(joinArgs(argv))).toEqual(argv);
  });
});

describe("pasted .env variables", () => {
  it("replace existing ones by key and add the rest", () => {
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

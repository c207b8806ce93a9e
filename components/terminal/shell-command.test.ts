import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en";
import { DEFAULT_OPTIONS, describeCommand, execRequest, splitCommand } from "./shell-command";

describe("splitCommand", () => {
  it.each([
    ["bash -l", ["bash", "-l"]],
    ["  sh   -c  'echo $HOME; ls'  ", ["sh", "-c", "echo $HOME; ls"]],
    ['psql -c "select \\"x\\" from t"', ["psql", "-c", 'select "x" from t']],
    ["echo a\\ b ''", ["echo", "a b", ""]],
    ['printf "%s\\n"', ["printf", "%s\\n"]],
    ["", []],
  ])("splits %j", (line, argv) => {
    expect(splitCommand(line)).toEqual(argv);
  });

  it("refuses an unterminated quote", () => {
    expect(() => splitCommand("sh -c 'echo")).toThrow(/unterminated single quote/);
    expect(() => splitCommand('echo "x')).toThrow(/unterminated double quote/);
  });
});

describe("execRequest", () => {
  it("leaves cmd out for the automatic shell and trims user and directory", () => {
    expect(execRequest({ ...DEFAULT_OPTIONS, user: " nobody ", workingDir: "/tmp " })).toEqual({
      user: "nobody",
      workingDir: "/tmp",
    });
  });

  it("names the shell, or splits the custom command", () => {
    expect(execRequest({ ...DEFAULT_OPTIONS, shell: "bash" })).toEqual({ cmd: ["bash"] });
    expect(execRequest({ ...DEFAULT_OPTIONS, shell: "custom", custom: "top -d 1" })).toEqual({
      cmd: ["top", "-d", "1"],
    });
    expect(() => execRequest({ ...DEFAULT_OPTIONS, shell: "custom", custom: "  " })).toThrow(/cmd:/);
  });

  it("describes the choice for the status line", () => {
    const t = createTranslator({ locale: "en", messages: en, namespace: "terminal" });
    expect(describeCommand({ ...DEFAULT_OPTIONS, user: "app", workingDir: "/srv" }, t)).toBe(
      "bash or sh as app in /srv",
    );
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en";
import { parseBuildArgs as parseArgs, parseTags as parse } from "./build-form";
import { problemText, type FormProblem } from "./problem";

// Problems as an English reader sees them.
const t = createTranslator({ locale: "en", messages: en, namespace: "images" });
const worded = <R extends object>(r: R | { error: FormProblem }) =>
  "error" in r ? { error: problemText(t, r.error) } : r;
const parseBuildArgs = (text: string) => worded(parseArgs(text));
const parseTags = (text: string) => worded(parse(text));

describe("parseBuildArgs", () => {
  it("reads KEY=VALUE lines, keeping = inside values and skipping comments", () => {
    expect(parseBuildArgs("A=1\n# note\n\nB=x=y\nEMPTY=")).toEqual({ args: { A: "1", B: "x=y", EMPTY: "" } });
  });

  it("names the first line that is not KEY=VALUE", () => {
    expect(parseBuildArgs("A=1\nnot an arg")).toEqual({ error: "buildArgs: line 2 is not KEY=VALUE" });
  });
});

describe("parseTags", () => {
  it("splits on spaces and commas", () => {
    expect(parseTags("app:1, app:latest  localhost:5000/app:1")).toEqual({
      tags: ["app:1", "app:latest", "localhost:5000/app:1"],
    });
  });

  it("names the bad tag", () => {
    expect(parseTags("app:1 App:2")).toEqual({
      error: 'tags: "App:2": repository name must be lowercase',
    });
  });
});

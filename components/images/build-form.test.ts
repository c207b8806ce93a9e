import { describe, expect, it } from "vitest";
import { parseBuildArgs, parseTags } from "./build-form";

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

import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api/client";
import { issueRange, stackIssues } from "./compose-issues";

const validation = (issues: unknown) => new ApiError(400, "VALIDATION", "bad", { issues });

describe("stackIssues", () => {
  it("places compose issues in the file and .env issues on their line of the .env", () => {
    const issues = stackIssues(
      validation([
        { path: "services.web.ports[0]", message: "must be a port", line: 4, col: 9 },
        { path: ".env", message: "line 2: a name may not hold spaces" },
        { path: "services", message: "must have at least one service" },
        { field: "name", message: "must not be empty" },
        { nonsense: true },
      ]),
    );
    expect(issues).toEqual([
      { path: "services.web.ports[0]", message: "must be a port", file: "compose", line: 4, col: 9 },
      { path: ".env", message: "a name may not hold spaces", file: "env", line: 2 },
      { path: "services", message: "must have at least one service" },
      { path: "name", message: "must not be empty" },
    ]);
  });

  it("finds none in errors that are not validation errors", () => {
    expect(
      stackIssues(new ApiError(409, "CONFLICT", "exists", { issues: [{ path: "a", message: "b" }] })),
    ).toEqual([]);
    expect(stackIssues(new Error("boom"))).toEqual([]);
    expect(stackIssues(validation("not a list"))).toEqual([]);
  });
});

describe("issueRange", () => {
  const text = "services:\n  web:\n    image: local/idle:1\n    ports: [x]\n";

  it("marks the word at the line and column", () => {
    const r = issueRange(text, 3, 12);
    expect(text.slice(r.from, r.to)).toBe("local/idle");
  });

  it("marks the line past its indentation when there is no column", () => {
    const r = issueRange(text, 2);
    expect(text.slice(r.from, r.to)).toBe("web:");
  });

  it("marks at least a character, and stays inside the text for lines past its end", () => {
    const r = issueRange(text, 4, 11);
    expect(r.to - r.from).toBe(1);
    expect(issueRange(text, 99, 1)).toEqual({ from: text.length, to: text.length });
    const past = issueRange("a: b", 1, 50);
    expect(past).toEqual({ from: 4, to: 4 });
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validationError } from "@/lib/parse";
import { ApiError } from "./client";
import { errorField, errorIssues, fieldWithin } from "./error-field";

describe("the field an error names", () => {
  it("is the first issue of a VALIDATION answer", () => {
    const e = new ApiError(400, "VALIDATION", "password: is too short", {
      issues: [
        { field: "password", message: "is too short" },
        { field: "username", message: "is required" },
      ],
    });
    expect(errorField(e)).toBe("password");
  });

  it("is what the server's own validation error names", () => {
    const r = z.object({ tls: z.object({ ca: z.string() }) }).safeParse({ tls: { ca: 1 } });
    if (r.success) throw new Error("expected a failure");
    expect(errorField(validationError(r.error))).toBe("tls.ca");
    expect(errorField(validationError(r.error, "config."))).toBe("config.tls.ca");
  });

  it("is the first refused setting of a host-access refusal", () => {
    const e = new ApiError(403, "FORBIDDEN", "config.HostConfig.Binds[0]: only an admin may …", {
      hostAccess: [{ field: "config.HostConfig.Binds[0]", reason: "bind-mount the host path /srv" }],
    });
    expect(errorField(e)).toBe("config.HostConfig.Binds[0]");
  });

  it("is the field a refused grant names", () => {
    const e = new ApiError(403, "FORBIDDEN", "hosts: b is outside your scope; you may grant only a", {
      field: "hosts",
    });
    expect(errorField(e)).toBe("hosts");
  });

  it("is none when the details name no field, whatever the message says", () => {
    expect(errorField(new ApiError(400, "VALIDATION", "name: is required"))).toBeUndefined();
    expect(errorField(new ApiError(404, "NOT_FOUND", "no such host", { hostId: "a" }))).toBeUndefined();
    expect(errorField(new ApiError(400, "VALIDATION", "x", { issues: [] }))).toBeUndefined();
    expect(errorField(new ApiError(400, "VALIDATION", "x", { issues: [{ field: 3 }] }))).toBeUndefined();
    expect(errorField(new Error("name: is required"))).toBeUndefined();
    expect(errorField(undefined)).toBeUndefined();
    expect(errorField(null)).toBeUndefined();
  });
});

describe("every field an error names", () => {
  it("is each issue of a VALIDATION answer, in order, skipping malformed ones", () => {
    const r = z
      .object({ name: z.string().min(1, "must not be empty"), port: z.number() })
      .safeParse({ name: "", port: "x" });
    if (r.success) throw new Error("expected a failure");
    expect(errorIssues(validationError(r.error, "config."))).toEqual([
      { field: "config.name", message: "must not be empty" },
      { field: "config.port", message: expect.any(String) as string },
    ]);
    const odd = new ApiError(400, "VALIDATION", "x", {
      issues: [{ field: 1 }, { field: "a", message: "b" }],
    });
    expect(errorIssues(odd)).toEqual([{ field: "a", message: "b" }]);
    expect(errorIssues(new Error("name: is required"))).toEqual([]);
    expect(errorIssues(null)).toEqual([]);
  });

  it("lies within a field when it is the field or one of its parts", () => {
    expect(fieldWithin("scope.hosts", "scope.hosts")).toBe(true);
    expect(fieldWithin("scope.hosts.0", "scope.hosts")).toBe(true);
    expect(fieldWithin("config.to[1]", "config.to")).toBe(true);
    expect(fieldWithin("scope.hostsX", "scope.hosts")).toBe(false);
    expect(fieldWithin("scope", "scope.hosts")).toBe(false);
  });
});

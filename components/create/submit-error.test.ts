import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api/client";
import { classifySubmitError } from "./submit-error";

describe("where a failed create is shown", () => {
  it("puts a VALIDATION message next to the field it names", () => {
    const e = new ApiError(400, "VALIDATION", "config.HostConfig.Memory: must be at least 6 MiB", {
      issues: [{ field: "config.HostConfig.Memory", message: "must be at least 6 MiB" }],
    });
    expect(classifySubmitError(e, "x")).toEqual({ kind: "field", field: "limits", error: e });
  });

  it("puts a host-access refusal next to the setting it names", () => {
    const e = new ApiError(
      403,
      "FORBIDDEN",
      "config.HostConfig.Binds[0]: only an admin may bind-mount the host path /srv into a container",
      {
        hostAccess: [
          { field: "config.HostConfig.Binds[0]", reason: "bind-mount the host path /srv into a container" },
        ],
      },
    );
    expect(classifySubmitError(e, "x")).toMatchObject({ kind: "field", field: "mounts" });
  });

  it("offers the pull for a missing image, by the server's details", () => {
    const e = new ApiError(404, "NOT_FOUND", "image a:1 is not on host local; pull it first", {
      missing: "image",
      image: "a:1",
    });
    expect(classifySubmitError(e, "typed")).toMatchObject({ kind: "image", image: "a:1" });
  });

  it("shows anything else whole, with the server's message", () => {
    const conflict = new ApiError(409, "CONFLICT", 'Conflict. The container name "/web" is already in use');
    expect(classifySubmitError(conflict, "x")).toEqual({ kind: "general", error: conflict });
    const unnamed = new ApiError(400, "VALIDATION", "somethingElse: bad", {
      issues: [{ field: "somethingElse", message: "bad" }],
    });
    expect(classifySubmitError(unnamed, "x")).toMatchObject({ kind: "general" });
    // The field is read from the details, never from the wording of the message.
    const bare = new ApiError(400, "VALIDATION", "config.HostConfig.Memory: must be at least 6 MiB");
    expect(classifySubmitError(bare, "x")).toMatchObject({ kind: "general" });
    const down = new Error("network down");
    expect(classifySubmitError(down, "x")).toEqual({ kind: "general", error: down });
  });
});

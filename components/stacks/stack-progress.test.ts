import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { StackServiceProgress } from "@/lib/stacks/types";
import { stackJobId, stackProgress } from "./stack-progress";

const svc = (service: string, state: StackServiceProgress["state"]): StackServiceProgress => ({
  service,
  state,
  detail: "",
});

describe("stackProgress", () => {
  it("counts services that came to an end, failed or skipped ones included", () => {
    const p = stackProgress({
      state: "running",
      services: [svc("db", "done"), svc("api", "working"), svc("worker", "skipped"), svc("web", "waiting")],
    });
    expect(p).toEqual({ done: 2, total: 4, fraction: 0.5 });
  });

  it("is empty before the job names its services, and full once it has ended", () => {
    expect(stackProgress({ state: "running" })).toEqual({ done: 0, total: 0, fraction: 0 });
    expect(stackProgress({ state: "error", services: [svc("db", "failed"), svc("api", "waiting")] })).toEqual(
      {
        done: 1,
        total: 2,
        fraction: 1,
      },
    );
  });
});

describe("stackJobId", () => {
  it("is a version-4 UUID the routes' schema accepts, even from all-ones bytes", () => {
    const schema = z.uuid();
    expect(schema.safeParse(stackJobId()).success).toBe(true);
    const ones = stackJobId((b) => b.fill(0xff));
    expect(ones).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(schema.safeParse(ones).success).toBe(true);
    expect(stackJobId()).not.toBe(stackJobId());
  });
});

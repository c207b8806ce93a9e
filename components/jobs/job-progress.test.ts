import { describe, expect, it } from "vitest";
import type { JobSnapshot } from "@/lib/images/types";
import { applyJobUpdate, JOB_LOG_LINES, jobProgress, layerProgress, sortJobs } from "./job-progress";

const job = (over: Partial<JobSnapshot>): JobSnapshot => ({
  jobId: "j1",
  kind: "pull",
  hostId: "edge",
  ref: "localhost:5000/busybox:1.35",
  state: "running",
  user: "admin",
  startedAt: 1,
  layers: [],
  log: [],
  ...over,
});

describe("layerProgress", () => {
  it("reads download bytes while downloading and extract bytes while extracting", () => {
    expect(
      layerProgress({ id: "a", phase: "downloading", status: "Downloading", current: 25, total: 100 }),
    ).toEqual({
      download: 0.25,
      extract: 0,
    });
    expect(
      layerProgress({ id: "a", phase: "extracting", status: "Extracting", current: 50, total: 100 }),
    ).toEqual({
      download: 1,
      extract: 0.5,
    });
  });

  it("counts a layer the engine already had as complete, and one without a total as not started", () => {
    expect(layerProgress({ id: "a", phase: "exists", status: "Already exists" })).toEqual({
      download: 1,
      extract: 1,
    });
    expect(layerProgress({ id: "a", phase: "downloading", status: "Downloading" })).toEqual({
      download: 0,
      extract: 0,
    });
  });
});

describe("jobProgress", () => {
  it("averages layers, each half download and half extract", () => {
    const j = job({
      layers: [
        { id: "a", phase: "done", status: "Pull complete" },
        { id: "b", phase: "downloading", status: "Downloading", current: 50, total: 100 },
      ],
    });
    expect(jobProgress(j)).toBeCloseTo((1 + 0.25) / 2);
  });

  it("is complete when the job is done, even with no layers reported", () => {
    expect(jobProgress(job({ state: "done" }))).toBe(1);
    expect(jobProgress(job({}))).toBe(0);
  });
});

describe("buildProgress", () => {
  it("counts the steps before the builder's latest one", () => {
    expect(
      jobProgress(job({ kind: "build", log: ["Step 1/4 : FROM x", " ---> abc", "Step 3/4 : RUN y"] })),
    ).toBe(0.5);
    expect(jobProgress(job({ kind: "build", log: ["Sending build context"] }))).toBe(0);
  });
});

describe("applyJobUpdate", () => {
  it("appends only the new log lines and bounds the log", () => {
    const first = applyJobUpdate(undefined, job({ log: ["Step 1/2"] }));
    const next = applyJobUpdate(first, job({ log: ["Step 2/2"], state: "done", imageId: "sha256:x" }));
    expect(next.log).toEqual(["Step 1/2", "Step 2/2"]);
    expect(next.state).toBe("done");
    const big = applyJobUpdate(next, job({ log: Array.from({ length: JOB_LOG_LINES }, (_, i) => `l${i}`) }));
    expect(big.log).toHaveLength(JOB_LOG_LINES);
    expect(big.log.at(-1)).toBe(`l${JOB_LOG_LINES - 1}`);
  });
});

describe("sortJobs", () => {
  it("lists running jobs first, then the newest", () => {
    const jobs = [
      job({ jobId: "old", state: "done", startedAt: 1 }),
      job({ jobId: "new", state: "error", startedAt: 5 }),
      job({ jobId: "run", startedAt: 2 }),
    ];
    expect(sortJobs(jobs).map((j) => j.jobId)).toEqual(["run", "new", "old"]);
  });
});

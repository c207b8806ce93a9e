import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  emptyProgress,
  finishProgress,
  phaseOf,
  ProgressParser,
  reduceProgress,
  type ProgressState,
} from "./progress";

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name), "utf8");

function fold(text: string, chunk = 7): ProgressState {
  const parser = new ProgressParser();
  let s = emptyProgress();
  // Odd-sized chunks: the engine's messages do not arrive aligned to lines.
  for (let i = 0; i < text.length; i += chunk)
    for (const m of parser.push(text.slice(i, i + chunk))) s = reduceProgress(s, m);
  for (const m of parser.end()) s = reduceProgress(s, m);
  return finishProgress(s);
}

describe("reduceProgress on captured engine streams", () => {
  it("follows each layer of a pull through to done, and keeps the final status", () => {
    const s = fold(fixture("pull-new-layers.jsonl"));
    expect(s.layers.map((l) => [l.id, l.phase])).toEqual([
      ["6896a1989f0d", "exists"],
      ["f7591f02886d", "done"],
      ["2f5644641899", "done"],
    ]);
    expect(s.status).toBe("Status: Downloaded newer image for 127.0.0.1:5000/wharf-capture:1");
    expect(s.error).toBeUndefined();
    // Finished phases carry no byte counts.
    expect(s.layers.every((l) => l.current === undefined)).toBe(true);
  });

  it("reports bytes while a layer downloads, clamped to its total", () => {
    const lines = fixture("pull-new-layers.jsonl").split("\n").slice(0, 5).join("\n");
    const s = fold(lines);
    const l = s.layers.find((x) => x.id === "f7591f02886d");
    expect(l).toMatchObject({ phase: "downloading", current: 36445, total: 3001124, status: "Downloading" });
    expect(s.status).toBe("1: Pulling from wharf-capture");
  });

  it("follows a push, where the engine overshoots the total", () => {
    const text = fixture("push.jsonl");
    const mid = fold(text.split("\n").slice(0, 9).join("\n"));
    const big = mid.layers.find((l) => l.id === "736f568b4845");
    expect(big).toMatchObject({ phase: "pushing", current: 3000000, total: 3000000 });
    const s = fold(text);
    expect(s.layers.map((l) => l.phase)).toEqual(["done", "done", "done"]);
    expect(s.digest).toBe("sha256:0650255a5da400fe87a8f38303c1c03415885a7f1fa24c20c191daac800e5913");
  });

  it("marks layers the registry already has", () => {
    const s = fold(fixture("push-existing.jsonl"));
    expect(s.layers.map((l) => l.phase)).toEqual(["exists", "exists", "exists"]);
  });

  it("joins a build's split output into lines and takes the image id from aux", () => {
    const s = fold(fixture("build.jsonl"));
    expect(s.log[0]).toBe("Step 1/5 : FROM local/busybox:1.35");
    expect(s.log).toContain("Successfully tagged 127.0.0.1:5000/wharf-capture:1");
    expect(s.imageId).toBe("sha256:5bcc0e09e9fd98ec664e71e65686044824f225c22b980c3475cea288a3494783");
    expect(s.logTotal).toBe(s.log.length);
    expect(s.layers).toEqual([]);
  });

  it("keeps the engine's error message", () => {
    const s = fold(
      '{"stream":"Step 1/1 : FROM nope/nope:1"}\n{"stream":"\\n"}\n' +
        '{"errorDetail":{"message":"lookup registry-1.docker.io: no such host"},"error":"lookup registry-1.docker.io: no such host"}\n',
    );
    expect(s.error).toBe("lookup registry-1.docker.io: no such host");
    expect(s.log).toEqual(["Step 1/1 : FROM nope/nope:1"]);
  });

  it("collects the names an import loaded, and flushes a last line without a newline", () => {
    const s = fold('{"stream":"Loaded image: a/b:1\\n"}\n{"stream":"Loaded image ID: sha256:abc"}');
    expect(s.loaded).toEqual(["a/b:1", "sha256:abc"]);
    expect(s.log).toEqual(["Loaded image: a/b:1", "Loaded image ID: sha256:abc"]);
  });

  it("bounds the log but keeps counting", () => {
    let s = emptyProgress();
    for (let i = 0; i < 2500; i++) s = reduceProgress(s, { stream: `line ${i}\n` });
    expect(s.log.length).toBe(2000);
    expect(s.log[0]).toBe("line 500");
    expect(s.logTotal).toBe(2500);
  });
});

describe("phaseOf", () => {
  it("maps the engine's words, and leaves unknown ones to the layer's current phase", () => {
    expect(phaseOf("Pulling fs layer")).toBe("waiting");
    expect(phaseOf("Verifying Checksum")).toBe("verifying");
    expect(phaseOf("Mounted from library/busybox")).toBe("exists");
    expect(phaseOf("Retrying in 5 seconds")).toBe("waiting");
    expect(phaseOf("Something new")).toBeUndefined();
  });
});

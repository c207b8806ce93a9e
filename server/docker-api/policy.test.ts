import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchCall } from "./match";
import { isRefused, POLICY } from "./policy";

interface Operation {
  method: string;
  path: string;
}

/** Every operation of the engine's API, from its own definition (scripts/gen-engine-api.sh). */
const operations = (
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "engine-paths.json"), "utf8")) as {
    operations: Operation[];
  }
).operations;

describe("the Docker endpoint's policy table", () => {
  it("classifies every operation of the engine's API, and nothing the API does not have", () => {
    const defined = operations.map((o) => `${o.method} ${o.path}`);
    expect(defined.length).toBeGreaterThan(100);
    expect(defined.filter((k) => !(k in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !defined.includes(k))).toEqual([]);
  });

  it("counts what each role may do", () => {
    const entries = Object.values(POLICY);
    const counts = {
      read: entries.filter((p) => !isRefused(p) && p.access === "read").length,
      operate: entries.filter((p) => !isRefused(p) && p.access === "operate").length,
      admin: entries.filter((p) => !isRefused(p) && p.access === "admin").length,
      refused: entries.filter(isRefused).length,
    };
    console.info(`docker endpoint policy: ${JSON.stringify(counts)} of ${entries.length}`);
    expect(counts.read + counts.operate + counts.admin + counts.refused).toBe(operations.length);
    // What reaches the host is never for a mere reader.
    for (const key of [
      "POST /containers/create",
      "POST /containers/{id}/exec",
      "POST /exec/{id}/start",
      "PUT /containers/{id}/archive",
      "POST /build",
    ])
      expect((POLICY[key] as { access: string }).access, key).toBe("operate");
  });

  it("matches each operation's concrete path back to itself", () => {
    for (const o of operations) {
      const concrete = o.path.replace(
        /\{\w+\}/,
        o.path.startsWith("/images/") ? "local/busybox:1.35" : "abc123",
      );
      const m = matchCall(o.method, concrete);
      expect(m?.key, `${o.method} ${concrete}`).toBe(`${o.method} ${o.path}`);
    }
  });

  it("keeps fixed paths apart from names, and refuses what is not there", () => {
    expect(matchCall("GET", "/images/json")?.key).toBe("GET /images/json");
    expect(matchCall("GET", "/images/local/busybox:1.35/json")?.ref).toBe("local/busybox:1.35");
    expect(matchCall("GET", "/containers/a%2Fb/json")?.ref).toBe("a/b");
    expect(matchCall("GET", "/containers/a/b/json")).toBeUndefined();
    expect(matchCall("POST", "/containers/x/secret-door")).toBeUndefined();
    expect(matchCall("PATCH", "/containers/json")).toBeUndefined();
    expect(matchCall("GET", "/containers/%E0%A4%A/json")).toBeUndefined();
  });

  it("rebuilds a container's path around the full id scope resolved", () => {
    const m = matchCall("POST", "/containers/web/kill");
    expect(m?.withRef("0123abcd")).toBe("/containers/0123abcd/kill");
  });
});

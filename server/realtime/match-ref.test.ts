import { describe, expect, it } from "vitest";
import { matchRef } from "./match-ref";

const items = [
  { id: "abc123", name: "web" },
  { id: "abd456", name: "db" },
  { id: "fff000", name: "abc" },
];
const of = (t: (typeof items)[number]) => t;

describe("matchRef: a container reference among a socket's subscriptions, by the engine's rules", () => {
  it("takes an exact id or name first, with or without the leading slash", () => {
    expect(matchRef(items, "abd456", of)).toEqual([items[1]]);
    expect(matchRef(items, "/web", of)).toEqual([items[0]]);
    // A name beats an id prefix, as with the engine.
    expect(matchRef(items, "abc", of)).toEqual([items[2]]);
  });

  it("takes an id prefix only when it names one subscription", () => {
    expect(matchRef(items, "abd", of)).toEqual([items[1]]);
    expect(matchRef(items, "ab", of)).toEqual([]);
    expect(matchRef(items, "", of)).toEqual([]);
    expect(matchRef(items, "zzz", of)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { Ring } from "./stats-ring";

describe("Ring", () => {
  it("keeps the newest items, oldest first", () => {
    const r = new Ring<number>(3);
    expect(r.toArray()).toEqual([]);
    expect(r.last()).toBeUndefined();
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
    expect(r.last()).toBe(5);
  });

  it("holds 300 samples at most", () => {
    const r = new Ring<number>(300);
    for (let i = 0; i < 1000; i++) r.push(i);
    const a = r.toArray();
    expect(a).toHaveLength(300);
    expect(a[0]).toBe(700);
    expect(a[299]).toBe(999);
  });

  it("clears, and refuses a useless capacity", () => {
    const r = new Ring<number>(2);
    r.push(1);
    r.clear();
    expect(r.size).toBe(0);
    expect(() => new Ring(0)).toThrow();
  });
});

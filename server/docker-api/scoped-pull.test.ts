import { describe, expect, it } from "vitest";
import { pulledName, requirePullName } from "./scoped-pull";

const q = (query: string) => new URL(`http://engine.invalid/v1.41/images/create?${query}`);

describe("pulledName", () => {
  it("joins the CLI's fromImage and tag as the engine will name the image", () => {
    expect(pulledName(q("fromImage=busybox&tag=1.35"))).toBe("busybox:1.35");
    expect(pulledName(q("fromImage=127.0.0.1%3A5000%2Fteam%2Fapp&tag=2"))).toBe("127.0.0.1:5000/team/app:2");
    expect(pulledName(q("fromImage=busybox&tag=sha256%3Aabc"))).toBe("busybox@sha256:abc");
  });

  it("keeps a tag given inside fromImage, and has no one name for every tag at once (pull -a)", () => {
    expect(pulledName(q("fromImage=busybox%3A1.36"))).toBe("busybox:1.36");
    expect(pulledName(q("fromImage=busybox"))).toBeUndefined();
    expect(pulledName(q("fromImage=127.0.0.1%3A5000%2Fapp&tag="))).toBeUndefined();
    expect(() => requirePullName(q("fromImage=busybox&tag="))).toThrow(/^tag: .*one tag at a time/);
  });

  it("has no name for an import, and the import is refused by field", () => {
    expect(pulledName(q("fromSrc=-&repo=x"))).toBeUndefined();
    expect(() => requirePullName(q("fromSrc=-&repo=x"))).toThrow(/^fromSrc: /);
  });
});

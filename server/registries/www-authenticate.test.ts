import { describe, expect, it } from "vitest";
import { bearerChallenge, parseWwwAuthenticate } from "./www-authenticate";

describe("parseWwwAuthenticate", () => {
  it("reads a Docker Hub style Bearer challenge", () => {
    const h =
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"';
    expect(parseWwwAuthenticate(h)).toEqual([
      {
        scheme: "bearer",
        params: {
          realm: "https://auth.docker.io/token",
          service: "registry.docker.io",
          scope: "repository:library/busybox:pull",
        },
      },
    ]);
  });

  it("keeps commas inside quoted values, unescapes, and reads unquoted tokens", () => {
    const [c] = parseWwwAuthenticate(
      'Bearer realm="http://127.0.0.1/t", scope="repository:a/b:pull,push" , error=insufficient_scope, x="a\\"b"',
    );
    expect(c?.params).toEqual({
      realm: "http://127.0.0.1/t",
      scope: "repository:a/b:pull,push",
      error: "insufficient_scope",
      x: 'a"b',
    });
  });

  it("reads several challenges and the Basic one of an htpasswd registry", () => {
    expect(parseWwwAuthenticate('Basic realm="wharf-test"')).toEqual([
      { scheme: "basic", params: { realm: "wharf-test" } },
    ]);
    const both = parseWwwAuthenticate('Basic realm="a", Bearer realm="https://r/t",service="s"');
    expect(both.map((c) => c.scheme)).toEqual(["basic", "bearer"]);
    expect(bearerChallenge('Basic realm="a", Bearer realm="https://r/t",service="s"')?.params).toEqual({
      realm: "https://r/t",
      service: "s",
    });
  });

  it("answers nothing for a missing or empty header, and no Bearer without a realm", () => {
    expect(parseWwwAuthenticate(null)).toEqual([]);
    expect(parseWwwAuthenticate("")).toEqual([]);
    expect(bearerChallenge('Bearer service="s"')).toBeUndefined();
    expect(bearerChallenge('Basic realm="x"')).toBeUndefined();
  });
});

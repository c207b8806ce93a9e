import { describe, expect, it } from "vitest";
import { containerPathProblem, fileNameProblem, joinPath, parentPath } from "./path";
import { commitChangeProblem, listQuerySchema } from "./schemas";

describe("containerPathProblem", () => {
  it.each(["/", "/etc", "/etc/passwd", "/a b/ü", "/x..y", "/.hidden"])("accepts %j", (p) => {
    expect(containerPathProblem(p)).toBeUndefined();
  });

  it.each([
    ["etc", "absolute"],
    ["", "absolute"],
    ["./etc", "absolute"],
    ["/etc/", 'end with "/"'],
    ["//etc", '"//"'],
    ["/etc//passwd", '"//"'],
    ["/..", '".."'],
    ["/etc/../root", '".."'],
    ["/etc/..", '".."'],
    ["/./etc", '"."'],
    ["/etc\0", "NUL"],
    [`/${"a".repeat(5000)}`, "at most"],
  ])("refuses %j, saying why", (p, why) => {
    expect(containerPathProblem(p)).toContain(why);
  });

  it("names the query field and defaults to the root", () => {
    expect(listQuerySchema.parse({})).toEqual({ path: "/" });
    expect(listQuerySchema.safeParse({ path: "/a/../b" }).error?.issues[0]?.path).toEqual(["path"]);
  });
});

describe("fileNameProblem", () => {
  it.each(["a.txt", "..a", "ü"])("accepts %j", (n) => expect(fileNameProblem(n)).toBeUndefined());
  it.each(["", ".", "..", "a/b", "a\0", "x".repeat(256)])("refuses %j", (n) =>
    expect(fileNameProblem(n)).toBeDefined(),
  );
});

describe("path helpers", () => {
  it("joins and splits at the root and below it", () => {
    expect([joinPath("/", "a"), joinPath("/a", "b")]).toEqual(["/a", "/a/b"]);
    expect([parentPath("/a"), parentPath("/a/b"), parentPath("/")]).toEqual(["/", "/a", "/"]);
  });
});

describe("commitChangeProblem", () => {
  it.each(['CMD ["x"]', "env A=b", "EXPOSE 80/tcp", "LABEL a=b", "STOPSIGNAL SIGTERM", "WORKDIR /w"])(
    "accepts %j",
    (c) => expect(commitChangeProblem(c)).toBeUndefined(),
  );
  it.each([
    ["RUN rm -rf /", "must start with one of"],
    ["FROM scratch", "must start with one of"],
    ["CMD", "needs an argument"],
    ["ENV A=b\nRUN x", "single line"],
    ["", "must start with one of"],
  ])("refuses %j", (c, why) => expect(commitChangeProblem(c)).toContain(why));
});

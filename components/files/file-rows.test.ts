import { describe, expect, it } from "vitest";
import type { FileEntry } from "@/lib/files/types";
import { crumbs, fileRows, resolveLink } from "./file-rows";

const e = (name: string, type: FileEntry["type"], size = 0, mtime = "2026-01-01T00:00:00Z"): FileEntry => ({
  name,
  path: `/x/${name}`,
  type,
  size,
  mode: "0644",
  permissions: "-rw-r--r--",
  uid: 0,
  gid: 0,
  mtime,
});

describe("fileRows", () => {
  const items = [
    e("file10", "file", 5),
    e("file2", "file", 50),
    e("etc", "dir"),
    e("Bin", "dir"),
    e("a.log", "file", 1),
  ];

  it("puts folders first, then names as a person reads them", () => {
    expect(fileRows(items, "", { key: "name", dir: "asc" }).map((r) => r.name)).toEqual([
      "Bin",
      "etc",
      "a.log",
      "file2",
      "file10",
    ]);
  });

  it("sorts files by size either way, folders still first", () => {
    expect(fileRows(items, "", { key: "size", dir: "desc" }).map((r) => r.name)).toEqual([
      "Bin",
      "etc",
      "file2",
      "file10",
      "a.log",
    ]);
  });

  it("keeps the names holding every word of the filter, in any case", () => {
    expect(fileRows(items, "FILE 1", { key: "name", dir: "asc" }).map((r) => r.name)).toEqual(["file10"]);
  });
});

describe("crumbs", () => {
  it("gives each folder from the root", () => {
    expect(crumbs("/etc/nginx")).toEqual([
      { name: "/", path: "/" },
      { name: "etc", path: "/etc" },
      { name: "nginx", path: "/etc/nginx" },
    ]);
    expect(crumbs("/")).toEqual([{ name: "/", path: "/" }]);
  });
});

describe("resolveLink", () => {
  it("follows a relative target from the link's folder, and an absolute one as it is", () => {
    expect(resolveLink("/usr/bin/python", "python3.11")).toBe("/usr/bin/python3.11");
    expect(resolveLink("/etc/alternatives/x", "../../usr/lib/x")).toBe("/usr/lib/x");
    expect(resolveLink("/lib", "/usr/lib")).toBe("/usr/lib");
    expect(resolveLink("/a", "../../..")).toBe("/");
  });
});

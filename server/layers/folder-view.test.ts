import { afterEach, describe, expect, it } from "vitest";
import { FolderView } from "./folder-view";
import { indexLayers, tempStore } from "./__fixtures__/indexed";
import type { TarEntry } from "./__fixtures__/tars";

const open: { close(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function view(layers: TarEntry[][]) {
  const t = tempStore();
  open.push(t);
  const indexed = await indexLayers(t.store, layers);
  return new FolderView(
    t.store,
    indexed.map((l) => l.id),
  );
}

const names = (l: { items: { name: string }[] }) => l.items.map((i) => i.name);
const marks = (l: { items: { name: string; change?: string }[] }) =>
  l.items.map((i) => `${i.change} ${i.name}`);

const LAYERS: TarEntry[][] = [
  [
    { name: "etc/", type: "directory" },
    { name: "etc/passwd", content: "root\n" },
    { name: "etc/motd", content: "hello\n" },
    { name: "var/", type: "directory" },
    { name: "var/cache/", type: "directory" },
    { name: "var/cache/a", size: 10 },
    { name: "bin/", type: "directory" },
    { name: "bin/sh", size: 100 },
    { name: "bin/ls", type: "symlink", linkname: "sh" },
  ],
  [
    { name: "etc/", type: "directory" },
    { name: "etc/motd", content: "changed\n" },
    { name: "etc/new", content: "x" },
    { name: ".wh.var" },
  ],
  [
    { name: "etc/", type: "directory" },
    { name: "etc/.wh..wh..opq" },
    { name: "etc/passwd", content: "root2\n" },
    { name: "var/", type: "directory" },
    { name: "var/log", size: 1 },
  ],
];

describe("folders of an image at a layer", () => {
  it("lists the merged tree after each layer, with whiteouts and opaque folders applied", async () => {
    const v = await view(LAYERS);
    expect(names(v.list("", 1, "merged", 100))).toEqual(["bin", "etc", "var"]);
    expect(names(v.list("etc", 2, "merged", 100))).toEqual(["motd", "new", "passwd"]);
    // The opaque etc of layer 3 keeps only what layer 3 restates.
    expect(names(v.list("etc", 3, "merged", 100))).toEqual(["passwd"]);
    expect(v.list("etc", 3, "merged", 100).items[0]).toMatchObject({ position: 3, size: 6 });
    // var was deleted in layer 2 and made again in layer 3: its old cache stays gone.
    expect(() => v.list("var", 2, "merged", 100)).toThrow(
      /path: \/var is not a folder of the image at layer 2/,
    );
    expect(names(v.list("var", 3, "merged", 100))).toEqual(["log"]);
    expect(v.list("bin", 3, "merged", 100).items[0]).toMatchObject({
      name: "ls",
      type: "symlink",
      linkTarget: "sh",
      position: 1,
    });
  });

  it("marks a layer's own changes A, C and D against the layers below", async () => {
    const v = await view(LAYERS);
    expect(marks(v.list("etc", 2, "changes", 100))).toEqual(["C motd", "A new"]);
    expect(marks(v.list("", 2, "changes", 100))).toEqual(["C etc", "D var"]);
    // The deleted entry is described as the copy it removed.
    expect(v.list("", 2, "changes", 100).items[1]).toMatchObject({ type: "dir", position: 1 });
    expect(marks(v.list("etc", 3, "changes", 100))).toEqual(["D motd", "D new", "C passwd"]);
    expect(marks(v.list("", 1, "changes", 100))).toEqual(["A bin", "A etc", "A var"]);
  });

  it("caps a listing and says so", async () => {
    const many: TarEntry[] = [{ name: "d/", type: "directory" }];
    for (let i = 0; i < 30; i++) many.push({ name: `d/f${String(i).padStart(2, "0")}`, content: "x" });
    const v = await view([many]);
    const l = v.list("d", 1, "merged", 10);
    expect(l).toMatchObject({ total: 30, truncated: true });
    expect(names(l)).toEqual(Array.from({ length: 10 }, (_, i) => `f${String(i).padStart(2, "0")}`));
  });

  it("says a path that is a file, or missing, is not a folder", async () => {
    const v = await view(LAYERS);
    expect(() => v.list("etc/passwd", 1, "merged", 10)).toThrow(/not a folder/);
    expect(() => v.list("nope", 3, "changes", 10)).toThrow(/not a folder/);
  });
});

import { describe, expect, it } from "vitest";
import { diskFigure } from "../../lib/disk";
import { figureOfStatfs, parseDfP } from "./df-parse";

const KiB = 1024;

describe("diskFigure", () => {
  it("counts used of used + free as df's Capacity does, leaving root's reserved blocks out", () => {
    // 100 GB with 5 GB reserved: 90 used and 5 free is 94.8 % full, not 90 %.
    expect(diskFigure(100, 90, 5)).toEqual({ size: 100, used: 90, free: 5, percent: 94.8 });
  });

  it("rounds up to one decimal, so a disk that is nearly full never reads as below a threshold it passed", () => {
    expect(diskFigure(3, 1, 2)?.percent).toBe(33.4);
    expect(diskFigure(1000, 999, 1)?.percent).toBe(99.9);
    expect(diskFigure(1000, 1000, 0)?.percent).toBe(100);
    // An exact ratio is not rounded up past itself.
    expect(diskFigure(100, 29, 71)?.percent).toBe(29);
    expect(diskFigure(4096e6, 1024e6, 3072e6)?.percent).toBe(25);
  });

  it("says nothing for a filesystem of no size, and full for one whose room is all reserved", () => {
    expect(diskFigure(0, 0, 0)).toBeUndefined();
    expect(diskFigure(10, 0, 0)?.percent).toBe(100);
  });
});

describe("figureOfStatfs", () => {
  it("takes used as blocks not free and free as blocks available to users", () => {
    // This machine's root filesystem, as Node's fs.statfs answered it.
    const f = figureOfStatfs({ bsize: 4096, blocks: 66053021, bfree: 59114376, bavail: 19659083 });
    expect(f).toEqual({
      size: 66053021 * 4096,
      used: (66053021 - 59114376) * 4096,
      free: 19659083 * 4096,
      // df said 27 % for the same counts (it rounds up to whole percent).
      percent: 26.1,
    });
  });
});

describe("parseDfP", () => {
  it("reads busybox df -P by mount point, in bytes", () => {
    const out = parseDfP(
      [
        "Filesystem           1024-blocks    Used Available Capacity Mounted on",
        "/dev/vda             264212084  27754732  78636180  26% /wharf/root",
        "/dev/vda             264212084  27754732  78636180  26% /wharf/volumes",
        "tmpfs                     8192      3072      5120  38% /wharf/v/0",
        "",
      ].join("\r\n"),
    );
    expect([...out.keys()]).toEqual(["/wharf/root", "/wharf/volumes", "/wharf/v/0"]);
    expect(out.get("/wharf/v/0")).toEqual({
      size: 8192 * KiB,
      used: 3072 * KiB,
      free: 5120 * KiB,
      percent: 37.5,
    });
    expect(out.get("/wharf/root")?.percent).toBe(26.1);
  });

  it("reads GNU df -P, including 512-byte blocks and a filesystem name with spaces", () => {
    const out = parseDfP(
      [
        "Filesystem     512-blocks     Used Available Capacity Mounted on",
        "/dev/vda        528424168 55532640 157249184      27% /wharf/root",
        "my share:/x y          200      100       100      50% /wharf/v/1",
      ].join("\n"),
    );
    expect(out.get("/wharf/root")).toMatchObject({ size: 528424168 * 512, used: 55532640 * 512 });
    expect(out.get("/wharf/v/1")).toEqual({ size: 200 * 512, used: 100 * 512, free: 100 * 512, percent: 50 });
  });

  it("leaves out what is not a figure: an error line for one path, or output with no header", () => {
    const out = parseDfP(
      [
        "df: /wharf/v/2: No such file or directory",
        "Filesystem           1024-blocks    Used Available Capacity Mounted on",
        "/dev/vda             100  50  50  50% /wharf/root",
        "df: /wharf/v/3: Permission denied",
      ].join("\n"),
    );
    expect([...out.keys()]).toEqual(["/wharf/root"]);
    expect(parseDfP("exec: df: not found").size).toBe(0);
  });
});

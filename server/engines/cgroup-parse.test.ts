import { describe, expect, it } from "vitest";
import { NET_DEV, PROC_STAT, V2_FILES, v1 } from "./__fixtures__/cgroup-files";
import {
  parseBlkioV1,
  parseIoStatV2,
  keyedValueIn,
  parseKeyed,
  parseNetDev,
  parseProcStat,
  parseSingle,
} from "./cgroup-parse";

describe("counter file parsers", () => {
  it("parses keyed files such as the captured memory.stat", () => {
    const stat = parseKeyed(v1("memory.stat"));
    expect(stat.total_inactive_file).toBe(0);
    expect(stat.cache).toBe(33562624);
    expect(stat.hierarchical_memory_limit).toBe(268435456);
    expect(parseKeyed(V2_FILES["cpu.stat"] as string).usage_usec).toBe(10250000);
  });

  it("finds single keys, from text or from bytes, as the full parse reads them", () => {
    for (const text of [v1("memory.stat"), V2_FILES["memory.stat"] as string]) {
      const all = parseKeyed(text);
      const bytes = Buffer.from(`${text}trailing bytes of an earlier, longer read`);
      for (const [key, value] of Object.entries(all)) {
        expect(parseKeyed(text, [key])).toEqual({ [key]: value });
        expect(keyedValueIn(bytes, text.length, Buffer.from(key))).toBe(value);
      }
    }
    // total_inactive_file contains inactive_file: only a whole key at the start of a line counts.
    expect(parseKeyed("total_inactive_file 5\ninactive_file 7\n", ["inactive_file"])).toEqual({
      inactive_file: 7,
    });
    expect(
      keyedValueIn(Buffer.from("total_inactive_file 5\n"), 22, Buffer.from("inactive_file")),
    ).toBeUndefined();
    expect(parseKeyed("cache 1\n", ["rss"])).toEqual({});
  });

  it("parses single values; v2's max is Infinity", () => {
    expect(parseSingle(v1("memory.usage_in_bytes"))).toBe(102461440);
    expect(parseSingle(v1("memory.limit_in_bytes"))).toBe(268435456);
    expect(parseSingle("max\n")).toBe(Infinity);
    expect(() => parseSingle("")).toThrow();
  });

  it("sums v1 blkio Read/Write lines and v2 io.stat rbytes/wbytes", () => {
    expect(parseBlkioV1(v1("blkio.throttle.io_service_bytes_recursive"))).toEqual({
      read: 0,
      write: 0,
      entries: 0,
    });
    expect(
      parseBlkioV1("8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 1\n8:0 Total 12288\n8:16 Read 1\nTotal 12289\n"),
    ).toEqual({ read: 4097, write: 8192, entries: 5 });
    expect(parseIoStatV2(V2_FILES["io.stat"] as string)).toEqual({ read: 1052672, write: 4194304 });
  });

  it("reads the host's CPU time from /proc/stat as dockerd does (7 fields, USER_HZ 100)", () => {
    expect(parseProcStat(PROC_STAT)).toEqual({
      systemNs: (260238 + 712 + 49970 + 234867 + 2503 + 0 + 1303) * 1e7,
      onlineCpus: 2,
    });
    expect(() => parseProcStat("intr 1\n")).toThrow();
  });

  it("sums /proc/<pid>/net/dev without loopback", () => {
    expect(parseNetDev(NET_DEV)).toEqual({ rx: 974117310 + 100, tx: 2518174 + 50 });
  });
});

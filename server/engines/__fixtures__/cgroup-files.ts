import fs from "node:fs";
import path from "node:path";

/** Captured from a v1 container: 64 MiB held by a process plus 32 MiB of page cache, --memory 256m. */
export const V1_DIR = path.join(import.meta.dirname, "cgroup-v1-memory");
export const v1 = (f: string) => fs.readFileSync(path.join(V1_DIR, f), "utf8");

/** Written by hand after the kernel's cgroup v2 documentation (the test machine is v1). */
export const V2_FILES: Record<string, string> = {
  "cpu.stat":
    "usage_usec 10250000\nuser_usec 9000000\nsystem_usec 1250000\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n",
  "memory.current": "209715200\n",
  "memory.max": "max\n",
  "memory.stat":
    "anon 125829120\nfile 73400320\ninactive_anon 23068672\nactive_anon 102760448\ninactive_file 52428800\nactive_file 20971520\n",
  "pids.current": "7\n",
  "io.stat":
    "254:0 rbytes=1048576 wbytes=4194304 rios=12 wios=40 dbytes=0 dios=0\n254:16 rbytes=4096 wbytes=0 rios=1 wios=0 dbytes=0 dios=0\n",
};

export const PROC_STAT = `cpu  260238 712 49970 234867 2503 0 1303 1936 0 0
cpu0 128184 317 23900 121379 669 0 370 925 0 0
cpu1 132054 394 26070 113488 1833 0 933 1010 0 0
intr 1 2 3
ctxt 123
`;

export const NET_DEV = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo: 430036638  128009    0    0    0     0          0         0 430036638  128009    0    0    0     0       0          0
  eth0: 974117310   31770    0    0    0     0          0         0  2518174   21297    0    0    0     0       0          0
  eth1:      100       1    0    0    0     0          0         0       50       1    0    0    0     0       0          0
`;

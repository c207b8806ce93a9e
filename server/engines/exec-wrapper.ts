/**
 * Docker has no call that ends an exec process, and closing the attach stream leaves it running. So
 * every exec Wharf starts runs under a tiny /bin/sh wrapper that first reports its own pid (in the
 * container's pid namespace) and then `exec`s the real command, which keeps that pid. Ending the
 * session is then a second exec that hangs up that process, its session and its descendants.
 */

/** An OSC sequence: a terminal ignores it, so even a marker that slipped through would not show. */
const MARK_OPEN = "\x1b]wharf-exec;";
const MARK_CLOSE = "\x07";

/** Exit status the wrapper uses when the requested command does not exist in the container. */
export const NOT_FOUND_STATUS = 127;

/**
 * Runs as `/bin/sh -c WRAPPER wharf-exec [cmd...]`. Without a command it picks bash when the
 * container has one, else sh. A missing command is reported before the pid, so the start fails with
 * a clear message instead of a terminal that closes at once.
 */
const WRAPPER = [
  `if [ "$#" -eq 0 ]; then`,
  `  if command -v bash >/dev/null 2>&1; then set -- bash; else set -- sh; fi`,
  `elif ! command -v "$1" >/dev/null 2>&1; then`,
  `  printf '${MARK_OPEN}missing:%s${MARK_CLOSE}' "$1"; exit ${NOT_FOUND_STATUS}`,
  `fi`,
  `printf '${MARK_OPEN}pid:%s:%s${MARK_CLOSE}' "$$" "$1"`,
  `exec "$@"`,
].join("\n");

export const WRAPPER_SHELL = "/bin/sh";

export function wrappedCmd(cmd?: readonly string[]): string[] {
  return [WRAPPER_SHELL, "-c", WRAPPER, "wharf-exec", ...(cmd ?? [])];
}

/**
 * `/bin/sh -c KILL_SCRIPT wharf-kill PID MODE`, run as root. It collects PID (in `live` mode only),
 * every process in its session (an interactive shell's jobs have process groups of their own but
 * share its session) and every descendant of those. It stops them as it finds them, so none can fork
 * a child behind the scan's back, and it scans again until nothing new turns up. Then it sends HUP
 * (what closing a terminal sends) and CONT, waits up to ~1 s, and freezes and KILLs whatever is still
 * there. Zombies count as gone. It prints how many processes it found. `gone` mode is for after the
 * exec's own process has ended: its pid may belong to someone else by then, but what is left of its
 * session is still its own.
 */
const KILL_SCRIPT = [
  "P=$1",
  "M=$2",
  'v=" "',
  "collect() {",
  '  new=""',
  "  more=1",
  "  while [ $more = 1 ]; do",
  "    more=0",
  "    for d in /proc/[0-9]*; do",
  "      p=${d#/proc/}",
  '      case "$v" in *" $p "*) continue ;; esac',
  '      { read -r l < "$d/stat"; } 2>/dev/null || continue',
  "      set -- ${l##*) }",
  "      hit=0",
  '      case "$v" in *" $2 "*) hit=1 ;; esac',
  '      [ "$4" = "$P" ] && hit=1',
  '      if [ "$p" = "$P" ]; then [ "$M" = live ] || continue; hit=1; fi',
  '      if [ $hit = 1 ]; then v="$v$p "; new="$new $p"; more=1; fi',
  "    done",
  "  done",
  "}",
  "freeze() {",
  "  collect",
  '  while [ -n "$new" ]; do kill -STOP $new 2>/dev/null; collect; done',
  "}",
  "alive() {",
  '  a=""',
  "  for p in $v; do",
  '    { read -r l < "/proc/$p/stat"; } 2>/dev/null || continue',
  "    set -- ${l##*) }",
  '    [ "$1" = Z ] || a="$a $p"',
  "  done",
  "}",
  "freeze",
  '[ "$v" != " " ] || { echo 0; exit 0; }',
  "n=0",
  "for p in $v; do n=$((n+1)); done",
  "kill -HUP $v 2>/dev/null",
  "kill -CONT $v 2>/dev/null",
  "i=0",
  "while [ $i -lt 20 ]; do",
  "  alive",
  '  [ -n "$a" ] || { echo $n; exit 0; }',
  "  sleep 0.05 2>/dev/null || sleep 1",
  "  i=$((i+1))",
  "done",
  "kill -STOP $a 2>/dev/null",
  "freeze",
  "kill -KILL $v 2>/dev/null",
  "echo $n",
].join("\n");

export function killCmd(pid: number, mode: "live" | "gone"): string[] {
  return [WRAPPER_SHELL, "-c", KILL_SCRIPT, "wharf-kill", String(pid), mode];
}

export type MarkerResult =
  | { kind: "pid"; pid: number; program: string; rest: Buffer }
  | { kind: "missing"; program: string }
  | { kind: "none"; text: string };

const MAX_PREAMBLE = 8192;

/**
 * Reads the wrapper's report from the first bytes of output. Returns undefined until it has seen
 * the whole marker; `none` when the output is something else (the engine's own error, say), or too
 * long to be a preamble. Anything after the marker is the session's first real output.
 */
export function parseMarker(buf: Buffer, ended = false): MarkerResult | undefined {
  const text = buf.toString("latin1");
  const start = text.indexOf(MARK_OPEN);
  if (start >= 0) {
    const end = text.indexOf(MARK_CLOSE, start + MARK_OPEN.length);
    if (end >= 0) {
      const body = text.slice(start + MARK_OPEN.length, end);
      const rest = buf.subarray(end + MARK_CLOSE.length);
      const pid = /^pid:(\d+):(.*)$/s.exec(body);
      if (pid) return { kind: "pid", pid: Number(pid[1]), program: pid[2] ?? "", rest };
      const missing = /^missing:(.*)$/s.exec(body);
      if (missing) return { kind: "missing", program: missing[1] ?? "" };
      return { kind: "none", text: buf.toString("utf8") };
    }
  }
  if (ended || buf.length > MAX_PREAMBLE) return { kind: "none", text: buf.toString("utf8") };
  return undefined;
}

/** True when the engine could not run the wrapper because the container has no /bin/sh. */
export function isMissingShell(engineText: string): boolean {
  return /\/bin\/sh/.test(engineText) && /no such file|not found|executable file/i.test(engineText);
}

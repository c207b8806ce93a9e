import { applyBoolean, applyValue, HANDLED_VALUE_FLAGS, type Ctx } from "./docker-run-apply";
import { BOOLEAN_FLAGS, FLAG_ALIASES, VALUE_FLAGS } from "./docker-run-flags";
import { ShellSyntaxError, splitShellWords } from "./shell-words";
import { emptySpec } from "./spec";
import type { DockerRunImport } from "./types";

export class DockerRunParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DockerRunParseError";
  }
}

/** What the line is for: `docker run`, `docker create`, `podman run`, behind sudo or env assignments. */
const CLIS = new Set(["docker", "podman", "nerdctl"]);
const CLI_GLOBAL_VALUE_FLAGS = new Set(["-H", "--host", "--context", "-c", "--config", "-l", "--log-level"]);

function skipPrefix(words: string[], notices: string[]): { at: number; start: boolean } {
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) {
    notices.push(`the shell assignment ${words[i]} before the command was ignored`);
    i++;
  }
  if (words[i] === "sudo") i++;
  if (!CLIS.has(words[i] ?? "")) return { at: i, start: true };
  i++;
  while (i < words.length && (words[i] as string).startsWith("-")) {
    const w = words[i] as string;
    notices.push(`the CLI option ${w} was ignored; the container is created on the host you chose`);
    i += CLI_GLOBAL_VALUE_FLAGS.has(w) && !w.includes("=") ? 2 : 1;
  }
  if (words[i] === "container") i++;
  if (words[i] === "run") return { at: i + 1, start: true };
  if (words[i] === "create") return { at: i + 1, start: false };
  throw new DockerRunParseError(
    `expected "run" or "create" after ${words[i - 1] ?? "docker"}, found "${words[i] ?? "nothing"}"`,
  );
}

const takesValue = (flag: string) => HANDLED_VALUE_FLAGS.has(flag) || VALUE_FLAGS.has(flag);

/**
 * Fills the form from a `docker run` (or `docker create`) line, reading it as the CLI would: flags
 * until the first word that is not one, which is the image, and everything after it is the command.
 */
export function parseDockerRun(line: string): DockerRunImport {
  let split;
  try {
    split = splitShellWords(line);
  } catch (e) {
    if (e instanceof ShellSyntaxError) throw new DockerRunParseError(e.message);
    throw e;
  }
  const { words } = split;
  const notices = [...split.notices];
  const prefix = skipPrefix(words, notices);
  const ctx: Ctx = { spec: { ...emptySpec(), start: prefix.start }, notImported: [], notices, health: {} };
  let i = prefix.at;
  for (; i < words.length; i++) {
    const w = words[i] as string;
    if (w === "--") {
      i++;
      break;
    }
    if (!w.startsWith("-") || w === "-") break;
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      const written = eq < 0 ? w : w.slice(0, eq);
      const flag = FLAG_ALIASES[written] ?? written;
      if (BOOLEAN_FLAGS.has(flag)) {
        applyBoolean(ctx, flag, written, eq < 0 || !/^(false|0)$/i.test(w.slice(eq + 1)));
        continue;
      }
      let value: string | undefined = eq < 0 ? undefined : w.slice(eq + 1);
      if (value === undefined) {
        const next = words[i + 1];
        if (next === undefined) throw new DockerRunParseError(`${written} needs a value`);
        if (!takesValue(flag) && next.startsWith("-")) {
          // Unknown and followed by another flag: it can only be a switch.
          ctx.notImported.push(written);
          continue;
        }
        if (!takesValue(flag))
          ctx.notices.push(`${written} is not a flag Wharf knows; "${next}" was taken as its value`);
        value = next;
        i++;
      }
      applyValue(ctx, flag, written, value);
      continue;
    }
    // A cluster of short flags: -dit, -p80:80, -e=FOO, -itp 80:80
    for (let k = 1; k < w.length; k++) {
      const written = `-${w[k]}`;
      const flag = FLAG_ALIASES[written];
      if (!flag) {
        ctx.notImported.push(written);
        ctx.notices.push(`${written} is not a docker run flag`);
        continue;
      }
      if (BOOLEAN_FLAGS.has(flag)) {
        applyBoolean(ctx, flag, written, true);
        continue;
      }
      let value = w.slice(k + 1);
      if (value.startsWith("=")) value = value.slice(1);
      else if (value === "") {
        const next = words[i + 1];
        if (next === undefined) throw new DockerRunParseError(`${written} needs a value`);
        value = next;
        i++;
      }
      applyValue(ctx, flag, written, value);
      break;
    }
  }
  const image = words[i];
  if (image === undefined) throw new DockerRunParseError("no image: the line ends before the image name");
  ctx.spec.image = image;
  ctx.spec.cmd = words.slice(i + 1);
  if (ctx.health.set) {
    const { test = [], interval = 0, timeout = 0, startPeriod = 0, retries = 0 } = ctx.health;
    ctx.spec.healthcheck = { test, interval, timeout, startPeriod, retries };
  }
  return { spec: ctx.spec, notImported: ctx.notImported, notices: ctx.notices };
}

/** Signals closer than this to the first are the same Ctrl-C, relayed again by npx or tsx. */
const RELAY_WINDOW_MS = 3000;

/**
 * Ctrl-C (or SIGTERM) aborts the returned signal and asks `stop` to end the Wharf child at once. One
 * Ctrl-C can arrive more than once: from the terminal to the whole process group, and again from npx
 * and from tsx, which re-sends it when the process did not confirm it within a few ms (a busy
 * machine). Those repeats are ignored, so the cleanup runs; a later one exits without waiting.
 */
export function abortOnInterruptOnce(stop: () => void): AbortSignal {
  const ac = new AbortController();
  let first = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    const now = Date.now();
    if (first === 0) {
      first = now;
      process.stderr.write(`\nbench: ${sig}, stopping and cleaning up (again to force)\n`);
      ac.abort(new Error(`interrupted by ${sig}`));
      stop();
      return;
    }
    if (now - first < RELAY_WINDOW_MS) {
      process.stderr.write(`bench: ${sig} relayed again after ${now - first} ms, ignored\n`);
      return;
    }
    process.stderr.write(`bench: ${sig} again, exiting without cleanup\n`);
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return ac.signal;
}

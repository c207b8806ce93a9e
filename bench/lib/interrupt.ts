/**
 * Ctrl-C (or SIGTERM) aborts the returned signal and asks `stop` to end the Wharf child at once; a
 * second one exits without waiting for cleanup.
 */
export function abortOnInterrupt(stop: () => void): AbortSignal {
  const ac = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    if (++signals > 1) process.exit(130);
    process.stderr.write(`\nbench: ${sig}, stopping (again to force)\n`);
    ac.abort(new Error(`interrupted by ${sig}`));
    stop();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return ac.signal;
}

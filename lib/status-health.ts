/**
 * A container's health as its status text tells it ("Up 5 seconds (healthy)", "Up 3 seconds
 * (health: starting)"), for lists that carry the engine's status text and no inspect document.
 */
export function healthOfStatus(status: string): "healthy" | "unhealthy" | "starting" | undefined {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!m) return undefined;
  return m[1] === "health: starting" ? "starting" : (m[1] as "healthy" | "unhealthy");
}

/**
 * A job id chosen by the browser, so progress can be matched to the request that started it.
 * `crypto.randomUUID` exists only in secure contexts; a dashboard served over plain HTTP on a LAN
 * address is not one, while `getRandomValues` works everywhere.
 */
export function newJobId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

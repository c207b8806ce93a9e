import { earlyFetchScript } from "./early-fetch-script";

/** Starts a full page load's first API requests from the HTML (see early-fetch-script.ts). Renders no content. */
export function EarlyFetch() {
  return <script dangerouslySetInnerHTML={{ __html: earlyFetchScript() }} />;
}

import { containersPath, ME_PATH } from "./paths";

/**
 * A full page load asks for what its first screen shows (the signed-in user, the page's container
 * list) from the HTML itself, so those requests run while the scripts load and hydrate instead of
 * after them. The root layout writes this script into the head; it starts the requests and leaves the
 * pending replies on `window`, where the query for each path takes its reply (see early-fetch.ts).
 * The root layout is rendered by the server only, so client navigations never meet the script and
 * fetch as before; the sign-in page asks for nothing.
 */
export const EARLY_FETCH_GLOBAL = "__wharfEarly";

/** Stands for the host id in a path pattern; what encodeURIComponent makes of a NUL. */
const HOST = containersPath("\u0000").split("/")[4] as string;

/** Pages (pattern of the URL's path, first group the host id) and the list each one shows first. */
const LIST_PAGES: readonly (readonly [string, string])[] = [
  ["^/containers/?$", containersPath()],
  ["^/hosts/([^/]+)/?$", containersPath("\u0000")],
];

/**
 * The script's source: `fetch(path)` as api() sends it, for the signed-in user and the page's list,
 * each kept under its path with the time it left. Whatever fails leaves the page to fetch as usual.
 */
export function earlyFetchScript(): string {
  const pages = JSON.stringify(LIST_PAGES);
  return (
    `try{(function(){var p=location.pathname;if(/^\\/login(\\/|$)/.test(p))return;` +
    `var m=window.${EARLY_FETCH_GLOBAL}={};` +
    `function go(u){m[u]={at:Date.now(),reply:fetch(u,{headers:{"x-wharf-csrf":"1"},credentials:"same-origin"})}}` +
    `go(${JSON.stringify(ME_PATH)});` +
    `var l=${pages};for(var i=0;i<l.length;i++){var x=new RegExp(l[i][0]).exec(p);` +
    `if(x){go(l[i][1].replace(${JSON.stringify(HOST)},x[1]?encodeURIComponent(decodeURIComponent(x[1])):""));break}}` +
    `})()}catch(e){}`
  );
}

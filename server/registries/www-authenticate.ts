/** One challenge of a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"`. */
export interface AuthChallenge {
  /** Lower case: "basic", "bearer". */
  scheme: string;
  /** Parameter names in lower case, values unquoted. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Parses every challenge (RFC 7235). Quoted values may hold commas (a scope such as
 * `repository:app:pull,push`), so this scans rather than splits.
 */
export function parseWwwAuthenticate(header: string | null | undefined): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  if (!header) return out;
  let s = header;
  let current: AuthChallenge | undefined;
  const skip = (re: RegExp) => {
    s = s.replace(re, "");
  };
  while (s.length) {
    skip(/^[\s,]+/);
    const name = TOKEN.exec(s)?.[0];
    if (!name) break;
    s = s.slice(name.length);
    const afterWs = s.replace(/^\s+/, "");
    if (current && afterWs.startsWith("=")) {
      s = afterWs.slice(1).replace(/^\s+/, "");
      let value: string;
      if (s.startsWith('"')) {
        const m = /^"((?:[^"\\]|\\.)*)"/.exec(s);
        if (!m) break;
        value = (m[1] ?? "").replace(/\\(.)/g, "$1");
        s = s.slice(m[0].length);
      } else {
        value = TOKEN.exec(s)?.[0] ?? "";
        s = s.slice(value.length);
      }
      current.params[name.toLowerCase()] = value;
    } else {
      current = { scheme: name.toLowerCase(), params: {} };
      out.push(current);
      s = afterWs;
    }
  }
  return out;
}

/** The Bearer challenge, if the registry uses token auth and names where to get a token. */
export function bearerChallenge(header: string | null | undefined): AuthChallenge | undefined {
  return parseWwwAuthenticate(header).find((c) => c.scheme === "bearer" && c.params.realm);
}

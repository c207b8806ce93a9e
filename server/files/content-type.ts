const TYPES: Record<string, string> = {
  txt: "text/plain",
  log: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  conf: "text/plain",
  ini: "text/plain",
  sh: "text/x-shellscript",
  json: "application/json",
  yaml: "application/yaml",
  yml: "application/yaml",
  xml: "application/xml",
  html: "text/html",
  css: "text/css",
  js: "text/javascript",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  pdf: "application/pdf",
  gz: "application/gzip",
  tgz: "application/gzip",
  tar: "application/x-tar",
  zip: "application/zip",
};

/** A download's content type from its name; unknown names are octet streams. */
export function guessContentType(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot > 0 && TYPES[name.slice(dot + 1).toLowerCase()]) || "application/octet-stream";
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const TEXT_CONTROLS = new Set([0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/** Text, for a preview: valid UTF-8 with no NUL byte. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  // Control bytes other than tab, newlines, form feed, backspace and escape (colour codes in logs)
  // are rare in text: more than one in a hundred is a binary file that happens to hold no NUL.
  let controls = 0;
  for (const b of bytes) if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) controls++;
  if (controls * 100 > bytes.length) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A Content-Disposition that survives any file name: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_") || "download";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

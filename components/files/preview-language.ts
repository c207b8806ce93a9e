/** The syntax a preview is highlighted as, from the file's name; plain text when nothing fits. */
export type PreviewLanguage =
  | "yaml"
  | "json"
  | "shell"
  | "properties"
  | "toml"
  | "nginx"
  | "dockerfile"
  | "python"
  | "javascript"
  | "xml"
  | "css"
  | "sql"
  | "diff"
  | "plain";

const BY_EXTENSION: Record<string, PreviewLanguage> = {
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  sh: "shell",
  bash: "shell",
  profile: "shell",
  env: "properties",
  ini: "properties",
  conf: "properties",
  cfg: "properties",
  properties: "properties",
  toml: "toml",
  py: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  ts: "javascript",
  xml: "xml",
  html: "xml",
  svg: "xml",
  css: "css",
  sql: "sql",
  diff: "diff",
  patch: "diff",
};

export function previewLanguage(name: string, firstLine = ""): PreviewLanguage {
  const lower = name.toLowerCase();
  if (lower === "dockerfile" || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile"))
    return "dockerfile";
  if (lower === "nginx.conf" || lower.endsWith(".nginx")) return "nginx";
  if (/^#!.*\b(ba|da|z|k)?sh\b/.test(firstLine)) return "shell";
  if (/^#!.*\bpython/.test(firstLine)) return "python";
  if (/^#!.*\bnode\b/.test(firstLine)) return "javascript";
  const dot = lower.lastIndexOf(".");
  return (dot > 0 && BY_EXTENSION[lower.slice(dot + 1)]) || "plain";
}

/** The add-host form as typed: every field a string, "" when left empty. */
export interface HostDraft {
  id: string;
  name: string;
  url: string;
  ca: string;
  cert: string;
  key: string;
  sshKey: string;
}

export const EMPTY_HOST_DRAFT: HostDraft = {
  id: "",
  name: "",
  url: "",
  ca: "",
  cert: "",
  key: "",
  sshKey: "",
};

/** The scheme the URL starts with, when it is one Wharf connects over. */
export function hostScheme(url: string): string | undefined {
  return /^(unix|tcp|https|ssh):\/\//.exec(url.trim())?.[1];
}

/**
 * The create request for a draft. TLS material goes only with an https:// URL and an SSH key only
 * with an ssh:// URL, so fields left over from switching the URL are never sent.
 */
export function hostBodyOf(d: HostDraft) {
  const url = d.url.trim();
  const tls = url.startsWith("https://") && (d.ca.trim() || d.cert.trim() || d.key.trim());
  const ssh = url.startsWith("ssh://") && d.sshKey.trim();
  return {
    id: d.id.trim(),
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    url,
    ...(tls ? { tls: { ca: d.ca.trim(), cert: d.cert.trim(), key: d.key.trim() } } : {}),
    ...(ssh ? { ssh: { privateKey: d.sshKey.trim() } } : {}),
  };
}

/**
 * Which form field a refused request field belongs to. The server names the field it refuses (see
 * `errorField`), either as a spec field (`env.0.key`) or as a path in the Engine API body
 * (`config.HostConfig.Memory`); both lead to the same input so the message shows next to it.
 */
const RULES: [RegExp, string][] = [
  [/^(config\.)?image\b/i, "image"],
  [/^name\b/i, "name"],
  [/(^|\.)(cmd)\b/i, "cmd"],
  [/(^|\.)entrypoint\b/i, "entrypoint"],
  [/(^|\.)workingdir\b/i, "workingDir"],
  [/(^|\.)user\b/i, "user"],
  [/(^|\.)(hostname|domainname)\b/i, "hostname"],
  [/(^|\.)env\b/i, "env"],
  [/(^|\.)labels\b/i, "labels"],
  [/(^|\.)(ports|portbindings|exposedports|publish)\b/i, "ports"],
  [/(^|\.)(mounts|binds|tmpfs|volumes)\b/i, "mounts"],
  [/(^|\.)(network|networkmode|networkingconfig|endpointsconfig|aliases)\b/i, "network"],
  [/(^|\.)(restart|restartpolicy)\b/i, "restart"],
  [/(^|\.)healthcheck\b/i, "healthcheck"],
  [/(^|\.)(limits|memory\w*|nanocpus|cpu\w*|pidslimit|blkio\w*|oomkilldisable)\b/i, "limits"],
];

export function formFieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return RULES.find(([re]) => re.test(path))?.[1];
}

import fs from "node:fs";
import { NAMESPACE_TYPES, type NamespaceIdentity, type NamespaceView } from "../../lib/namespaces";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";

/** `net:[4026531992]` → 4026531992. */
export function parseNsLink(link: string): number | undefined {
  const m = /^[a-z_]+:\[(\d+)\]$/.exec(link);
  return m ? Number(m[1]) : undefined;
}

/**
 * The host's namespace of a type. Wharf itself runs in the host's namespaces when the engine is local
 * (as the engine does), and init's links are often unreadable even to root inside sandboxes.
 */
function hostNamespace(procRoot: string, type: string): number | undefined {
  for (const pid of ["self", "1"]) {
    try {
      return parseNsLink(fs.readlinkSync(`${procRoot}/${pid}/ns/${type}`));
    } catch {
      // try the next reference
    }
  }
  return undefined;
}

/**
 * Namespace identities from /proc, for an engine on this machine. The container's main pid is only
 * trusted after its /proc/<pid>/cgroup names the container, so a pid from a remote engine that
 * happens to exist here is never misread.
 */
export function readIdentities(
  pid: number,
  containerId: string,
  procRoot = "/proc",
): NamespaceIdentity[] | undefined {
  if (!(pid > 0)) return undefined;
  try {
    if (!fs.readFileSync(`${procRoot}/${pid}/cgroup`, "utf8").includes(containerId)) return undefined;
    return NAMESPACE_TYPES.flatMap((type) => {
      let inode: number | undefined;
      try {
        inode = parseNsLink(fs.readlinkSync(`${procRoot}/${pid}/ns/${type}`));
      } catch {
        // Older kernels lack some namespace types (cgroup before 4.6).
        return [];
      }
      if (inode === undefined) return [];
      return [{ type, inode, sharedWithHost: inode === hostNamespace(procRoot, type) }];
    });
  } catch {
    return undefined;
  }
}

export async function namespaceView(host: HostConnection, id: string): Promise<NamespaceView> {
  const c = host.docker.getContainer(id);
  const info = await engineCall(host, (abortSignal) => c.inspect({ abortSignal }));
  const hc = info.HostConfig as unknown as Record<string, unknown>;
  const mode = (k: string) => (typeof hc[k] === "string" ? hc[k] : "");
  const running = info.State?.Running === true;
  const top = running
    ? ((await engineCall(host, (abortSignal) => c.top({ abortSignal }))) as {
        Titles?: string[];
        Processes?: string[][];
      })
    : {};
  const identities =
    host.spec.kind === "unix" && running ? readIdentities(info.State.Pid, info.Id) : undefined;
  return {
    modes: {
      pid: mode("PidMode"),
      network: mode("NetworkMode"),
      ipc: mode("IpcMode"),
      uts: mode("UTSMode"),
      user: mode("UsernsMode"),
      cgroup: mode("CgroupnsMode"),
    },
    processes: { titles: top.Titles ?? [], rows: top.Processes ?? [] },
    ...(identities
      ? { identities }
      : {
          identitiesNote: !running
            ? "The container is not running, so it has no namespaces."
            : "Namespace identities are read from /proc, so they show only for an engine on Wharf's own machine.",
        }),
  };
}

import type { EngineIdentity } from "../../../lib/engine-kind";

/** What Wharf reads of `GET /version` to tell the engine apart. */
export interface VersionDoc {
  Version?: string;
  ApiVersion?: string;
  Components?: readonly { Name?: string; Version?: string }[] | null;
}

/** The component Podman's service lists first in `/version`; Docker's own is named "Engine". */
export const PODMAN_COMPONENT = "Podman Engine";

/**
 * Docker or Podman, from `/version`. Only a component named exactly "Podman Engine" makes it Podman:
 * nothing else (a version string, an OS name, a runtime called crun) does, so a Docker engine is never
 * taken for Podman, and an engine that lists no components is Docker as far as Wharf can tell.
 */
export function engineIdentity(v: VersionDoc): EngineIdentity {
  const podman = (v.Components ?? []).find((c) => c.Name === PODMAN_COMPONENT);
  const apiVersion = v.ApiVersion ?? "";
  if (podman) return { kind: "podman", version: podman.Version || v.Version || "", apiVersion };
  return { kind: "docker", version: v.Version ?? "", apiVersion };
}

/** The facts of `/info` that decide which of Podman's quirks apply to a host. */
export interface PodmanFacts {
  rootless: boolean;
  cgroupVersion: 1 | 2;
}

export function podmanFacts(info: Record<string, unknown>): PodmanFacts {
  const opts = Array.isArray(info.SecurityOptions) ? info.SecurityOptions : [];
  const rootless = opts.some((o) => typeof o === "string" && o.split(",").includes("name=rootless"));
  return { rootless, cgroupVersion: info.CgroupVersion === "2" ? 2 : 1 };
}

/**
 * Service keys a swarm cannot honour. Those whose loss would change what the service does are
 * refused; those `docker stack deploy` ignores without harm are dropped with a warning. Either way
 * the key leaves the service before it is normalized, so it is reported once and nothing else is
 * checked or deployed from it.
 */
import type { LoadContext } from "./context";
import { formatPath, type Path } from "./issues";
import type { RawService } from "./raw";

const NOT_ON_SWARM = "not supported on a swarm";
const BUILD_INSTEAD =
  "a swarm does not build images; push the image to a registry the nodes reach and name it in `image`";

type ServiceKey = keyof RawService;

interface Refused {
  key: ServiceKey;
  /** Whether the value asks for something a swarm cannot do (`privileged: false` does not). */
  asks: (raw: RawService) => boolean;
  instead: string;
}

const REFUSED: readonly Refused[] = [
  {
    key: "privileged",
    asks: (raw) => raw.privileged === true,
    instead: "a service's tasks cannot run privileged; grant the capabilities they need with `cap_add`",
  },
  {
    key: "devices",
    asks: (raw) => (raw.devices?.length ?? 0) > 0,
    instead:
      "a service's tasks cannot map host devices; deploy this service with compose on the host that has them",
  },
  {
    key: "network_mode",
    asks: (raw) => raw.network_mode !== undefined,
    instead:
      'a swarm attaches services to networks; list them under `networks` (for the host\'s network, an external network named "host")',
  },
  {
    key: "pull_policy",
    asks: (raw) => raw.pull_policy === "build",
    instead: BUILD_INSTEAD,
  },
];

/** Keys `docker stack deploy` ignores, and why the service does without them. */
const IGNORED: readonly (readonly [ServiceKey, string])[] = [
  ["container_name", "a swarm names each task's container itself"],
  ["depends_on", "a swarm starts every service at once, in no order"],
  ["links", "services on a shared network reach each other by service name"],
  ["expose", "services on a shared network reach each other on every port"],
  ["security_opt", "a service's tasks take no security options"],
  ["shm_size", "mount a tmpfs at /dev/shm for a larger one"],
];

const FIXED_ADDRESSES = ["ipv4_address", "ipv6_address"] as const;

type NetworkMap = Exclude<RawService["networks"], string[] | undefined>;

/** The service as a swarm runs it: refused keys reported, ignored ones warned about, both removed. */
export function forSwarm(ctx: LoadContext, raw: RawService, at: Path): RawService {
  const out: RawService = { ...raw };
  const refuse = (key: ServiceKey, instead: string) => {
    ctx.issues.add([...at, key], `${NOT_ON_SWARM}: ${instead}`);
    delete out[key];
  };
  const ignore = (key: ServiceKey, why: string) => {
    ctx.warnings.push(
      `${formatPath([...at, key])}: ignored on a swarm, as \`docker stack deploy\` ignores it: ${why}`,
    );
    delete out[key];
  };
  // With an image to run, a build is only a convenience the swarm can do without.
  if (raw.build !== undefined && raw.image === undefined) refuse("build", BUILD_INSTEAD);
  else if (raw.build !== undefined) ignore("build", "the nodes pull `image`; build and push it beforehand");
  for (const { key, asks, instead } of REFUSED) if (asks(raw)) refuse(key, instead);
  for (const [key, why] of IGNORED) if (raw[key] !== undefined) ignore(key, why);
  if (raw.networks !== undefined && !Array.isArray(raw.networks))
    out.networks = withoutAddresses(ctx, raw.networks, [...at, "networks"]);
  return out;
}

/** Fixed addresses refused: a swarm gives each task its own address on each network. */
function withoutAddresses(ctx: LoadContext, networks: NetworkMap, at: Path): NetworkMap {
  const out: NetworkMap = {};
  for (const [name, n] of Object.entries(networks)) {
    const kept = n === null ? null : { ...n };
    for (const key of FIXED_ADDRESSES) {
      if (kept?.[key] === undefined) continue;
      ctx.issues.add(
        [...at, name, key],
        `${NOT_ON_SWARM}: a swarm gives each task its own address; reach the service by its name or an alias`,
      );
      delete kept[key];
    }
    out[name] = kept;
  }
  return out;
}

import { Transform } from "node:stream";
import { scopeAllowsLabels } from "../../lib/permissions";
import type { Principal } from "../auth/principal";
import type { HostConnection } from "../engines/host-connection";
import { labelScopedImages } from "../scope/image-access";
import type { ImageOwnerStore } from "../scope/image-owners";
import type { ListKind } from "./policy";

type Labelled = { Labels?: Record<string, string> | null };

const own = (p: Principal) => (o: Labelled) => scopeAllowsLabels(p.scope, o.Labels ?? {});

/**
 * A list answer as a label scope may see it: its containers, volumes and networks by their labels,
 * and the images it made or its containers use. Anything that does not parse is answered as nothing.
 */
export async function filterList(
  kind: Exclude<ListKind, "events">,
  body: string,
  p: Principal,
  host: HostConnection,
  owners: ImageOwnerStore,
): Promise<string> {
  const doc = JSON.parse(body) as unknown;
  switch (kind) {
    case "containers":
    case "networks":
      return JSON.stringify(Array.isArray(doc) ? (doc as Labelled[]).filter(own(p)) : []);
    case "volumes": {
      const v = (doc ?? {}) as { Volumes?: Labelled[] | null; Warnings?: unknown };
      return JSON.stringify({ ...v, Volumes: (v.Volumes ?? []).filter(own(p)) });
    }
    case "images": {
      const seen = await labelScopedImages(owners, host, p);
      const items = Array.isArray(doc) ? (doc as { Id?: string }[]) : [];
      return JSON.stringify(items.filter((i) => !!i.Id && (seen.own.has(i.Id) || seen.inside.has(i.Id))));
    }
  }
}

/**
 * The event stream as a label scope may see it: events whose actor carries its label (the engine
 * puts a container's labels among its event's attributes). One JSON object per line, as the engine sends.
 */
export function eventFilter(p: Principal): Transform {
  let rest = "";
  const keep = (line: string) => {
    try {
      const e = JSON.parse(line) as { Actor?: { Attributes?: Record<string, string> } };
      return scopeAllowsLabels(p.scope, e.Actor?.Attributes ?? {});
    } catch {
      return false;
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      const out = lines.filter((l) => l.trim() && keep(l));
      done(null, out.length ? `${out.join("\n")}\n` : undefined);
    },
    flush(done) {
      done(null, rest.trim() && keep(rest) ? `${rest}\n` : undefined);
    },
  });
}

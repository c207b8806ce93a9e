import { RegistryBrowser } from "@/components/registries/RegistryBrowser";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("registries");

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** `?registry=<id>&repo=<name>&tag=<tag>` opens the browser on that tag. */
export default async function RegistriesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const p = await searchParams;
  const id = Number(one(p.registry));
  return (
    <RegistryBrowser
      initial={{
        ...(Number.isInteger(id) && id > 0 ? { registry: id } : {}),
        ...(one(p.repo) ? { repo: one(p.repo) } : {}),
        ...(one(p.tag) ? { tag: one(p.tag) } : {}),
      }}
    />
  );
}

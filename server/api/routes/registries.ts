import {
  numericIdSchema,
  registryCreateSchema,
  registryPageQuerySchema,
  registryUpdateSchema,
  repositoryNameSchema,
  tagReferenceSchema,
} from "../../../lib/schemas";
import type { RegistryRecord } from "../../../lib/types";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { deleteTag, listRepositories, listTags, tagDetail } from "../../registries/registry-api";
import { parseWith, queryObject } from "../http";
import type { RequestContext, Router } from "../router";
import { principalOf } from "../targets";

/** Who logs in to a registry is for admins; everyone else sees its name and address. */
function forPrincipal(r: RegistryRecord, p: Principal): RegistryRecord {
  if (p.role === "admin") return r;
  const { username: _username, ...rest } = r;
  return rest;
}

const idOf = (rc: RequestContext) => parseWith(numericIdSchema, rc.params.id, "id: ");
// The router matches one segment, so a name with `/` arrives URL-encoded and is decoded by now.
const repoOf = (rc: RequestContext) => parseWith(repositoryNameSchema, rc.params.name, "name: ");
const refOf = (rc: RequestContext) => parseWith(tagReferenceSchema, rc.params.tag, "tag: ");
const pageOf = (rc: RequestContext) => parseWith(registryPageQuerySchema, queryObject(rc.query), "query.");

export function registerRegistryRoutes(router: Router, ctx: AppContext): void {
  const store = ctx.registries;
  router.add({
    method: "GET",
    path: "/api/v1/registries",
    access: "read",
    scope: "global",
    summary: "Container registries (never their passwords)",
    handler: (rc) => ({ items: store.list().map((r) => forPrincipal(r, principalOf(rc))) }),
  });
  router.add({
    method: "POST",
    path: "/api/v1/registries",
    access: "admin",
    scope: "global",
    audit: "registry.create",
    status: 201,
    summary: "Add a registry; its password is stored encrypted and never sent back",
    handler: async (rc) => {
      const b = parseWith(registryCreateSchema, await rc.body());
      rc.audit.target = b.name;
      rc.audit.params = { name: b.name, url: b.url, username: b.username, passwordSet: !!b.password };
      return store.add(b);
    },
  });
  router.add({
    method: "GET",
    path: "/api/v1/registries/:id",
    access: "read",
    scope: "global",
    summary: "One registry",
    handler: (rc) => forPrincipal(store.get(idOf(rc)), principalOf(rc)),
  });
  router.add({
    method: "PATCH",
    path: "/api/v1/registries/:id",
    access: "admin",
    scope: "global",
    audit: "registry.update",
    summary: "Change a registry; an omitted password stays, null or empty clears it",
    handler: async (rc) => {
      const id = idOf(rc);
      rc.audit.target = store.get(id).name;
      const b = parseWith(registryUpdateSchema, await rc.body());
      const { password, ...rest } = b;
      rc.audit.params = {
        ...rest,
        ...(password !== undefined ? { passwordChanged: true, passwordCleared: !password } : {}),
      };
      return store.update(id, b);
    },
  });
  router.add({
    method: "DELETE",
    path: "/api/v1/registries/:id",
    access: "admin",
    scope: "global",
    audit: "registry.delete",
    summary: "Forget a registry and its stored credentials (the registry itself is untouched)",
    handler: (rc) => {
      const r = store.remove(idOf(rc));
      rc.audit.target = r.name;
      rc.audit.params = { name: r.name, url: r.url };
      return { ok: true };
    },
  });
  router.add({
    method: "GET",
    path: "/api/v1/registries/:id/repositories",
    access: "read",
    scope: "global",
    summary: "A page of the registry's repositories (?n=&last=, from its _catalog)",
    handler: async (rc) => listRepositories(store.target(idOf(rc)), pageOf(rc)),
  });
  router.add({
    method: "GET",
    path: "/api/v1/registries/:id/repositories/:name/tags",
    access: "read",
    scope: "global",
    summary: "A page of a repository's tags; a name with / is sent URL-encoded (library%2Fbusybox)",
    handler: async (rc) => {
      const target = store.target(idOf(rc));
      return listTags(target, repoOf(rc), pageOf(rc));
    },
  });
  router.add({
    method: "GET",
    path: "/api/v1/registries/:id/repositories/:name/tags/:tag",
    access: "read",
    scope: "global",
    summary: "A tag's manifest: digest, media type, size, layers, platforms and creation time",
    handler: async (rc) => {
      const target = store.target(idOf(rc));
      return tagDetail(target, repoOf(rc), refOf(rc));
    },
  });
  router.add({
    method: "DELETE",
    path: "/api/v1/registries/:id/repositories/:name/tags/:tag",
    access: "admin",
    scope: "global",
    audit: "registry.tag.delete",
    summary: "Delete a tag's manifest by digest (the registry must allow deletes)",
    handler: async (rc) => {
      const target = store.target(idOf(rc));
      const name = repoOf(rc);
      const tag = refOf(rc);
      rc.audit.target = tag.includes(":") ? `${name}@${tag}` : `${name}:${tag}`;
      rc.audit.params = { registry: target.name, repository: name, tag };
      const { digest } = await deleteTag(target, name, tag);
      rc.audit.params = { registry: target.name, repository: name, tag, digest };
      return { ok: true, digest };
    },
  });
}

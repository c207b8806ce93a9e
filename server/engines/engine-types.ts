import type { definitions, operations } from "./engine-api";

/**
 * The Engine API's documents as Wharf reads them, named once. They come from the API's own
 * definition (engine-api.ts, generated), not from hand-written guesses; what the browser gets is
 * built from them at the edge.
 */
/**
 * The definition says which fields an engine always sends, but engines send `null` for empty maps and
 * lists (a volume's Labels, a container's Mounts) and older or newer engines leave fields out: every
 * field is read as possibly missing or null.
 */
export type Loose<T> = T extends readonly (infer U)[]
  ? Loose<U>[]
  : T extends object
    ? string extends keyof T
      ? { [K in keyof T]: Loose<T[K]> } // a map (labels, options): its entries are as sent
      : { [K in keyof T]?: Loose<T[K]> | null }
    : T;

type Ok<K extends keyof operations> = operations[K] extends { responses: { 200: { schema: infer S } } }
  ? S
  : never;

export type ContainerInspect = Loose<Ok<"ContainerInspect">>;
/** A mount as the engine reports it on a container (not as a create request asks for one). */
export type MountPoint = Loose<definitions["MountPoint"]>;
/**
 * The container list's item. The 1.41 definition gives its Mounts the create request's shape;
 * engines send MountPoint documents there, as they do in inspect.
 */
export type ContainerListItem = Omit<Loose<definitions["ContainerSummary"][number]>, "Mounts"> & {
  Mounts?: MountPoint[] | null;
};
export type ContainerConfig = Loose<definitions["ContainerConfig"]>;
export type HostConfig = NonNullable<ContainerInspect["HostConfig"]>;
export type ImageInspect = Loose<definitions["Image"]>;
export type ImageListItem = Loose<definitions["ImageSummary"]>;
export type ImageHistoryItem = Loose<Ok<"ImageHistory">[number]>;
export type NetworkInspect = Loose<definitions["Network"]>;
export type NetworkContainer = Loose<definitions["NetworkContainer"]>;
export type EndpointSettings = Loose<definitions["EndpointSettings"]>;
export type NetworkPrune = Loose<Ok<"NetworkPrune">>;
export type NetworkCreateResponse = Loose<operations["NetworkCreate"]["responses"][201]["schema"]>;
export type VolumeInspect = Loose<definitions["Volume"]>;
export type VolumeList = Loose<Ok<"VolumeList">>;
export type VolumePrune = Loose<Ok<"VolumePrune">>;
export type ContainerPrune = Loose<Ok<"ContainerPrune">>;
export type ContainerUpdate = Loose<Ok<"ContainerUpdate">>;
export type ContainerCreateResponse = Loose<operations["ContainerCreate"]["responses"][201]["schema"]>;
export type ContainerTop = Loose<Ok<"ContainerTop">>;
export type SystemVersion = Loose<definitions["SystemVersion"]>;
export type ImagePrune = Loose<Ok<"ImagePrune">>;
export type BuildPrune = Loose<Ok<"BuildPrune">>;
export type SystemInfo = Loose<definitions["SystemInfo"]>;
export type SystemDataUsage = Loose<Ok<"SystemDataUsage">>;
export type ErrorResponse = Loose<definitions["ErrorResponse"]>;

import type { HostAccessSetting } from "./host-access";
import type { ContainerSpec } from "./types";

/** The answer of POST /hosts/:hostId/containers. */
export interface CreateContainerResult {
  id: string;
  name: string;
  started: boolean;
  /** The engine's own warnings, verbatim. */
  warnings: string[];
}

/** The answer of POST …/containers/:id/recreate. */
export interface RecreateContainerResult extends CreateContainerResult {
  oldId: string;
  /** Set when the new container runs but the old one could not be removed; it is kept under this name. */
  oldKeptAs?: string;
  /** The form's fields that differ between the old container and the new one. */
  changed: (keyof ContainerSpec)[];
}

/** The answer of GET …/containers/:id/spec. */
export interface ContainerSpecView {
  spec: ContainerSpec;
  /** One shell line that recreates the container with the docker CLI. */
  dockerRun: string;
  /** Settings the form does not hold, as flags: they are in `dockerRun`, and a recreate keeps them. */
  outsideForm: string[];
  /**
   * The settings of an edit-and-recreate body (the form plus what a recreate keeps) that reach into
   * the host: only an admin may recreate the container while it has them.
   */
  hostAccess: HostAccessSetting[];
}

/** The details of the 404 for an image that is not on the host, so the UI can offer to pull it. */
export interface MissingImageDetails {
  hostId: string;
  image: string;
  missing: "image";
}

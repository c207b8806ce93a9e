import type { ContainerFilter } from "@/lib/container-filter";
import type { ContainerSummary, HostListError } from "@/lib/types";

/** The order a container list opens in, on the server's first screen and in the browser alike. */
export const DEFAULT_CONTAINER_FILTER: ContainerFilter = { sort: "name", dir: "asc" };

/** The top of a container list, rendered with the page's HTML before the whole list reaches the browser. */
export interface ContainersFirstScreen {
  /** The first rows in the default order. */
  items: ContainerSummary[];
  total: number;
  running: number;
  errors?: HostListError[];
}

import { AppError } from "../../../lib/errors";
import { engineContainerList } from "../containers";
import { engineCall } from "../engine-call";
import { dial } from "../engine-dial";
import type { ContainerInspect } from "../engine-types";
import type { HostConnection } from "../host-connection";
import type { ContainerSource } from "./live-containers";

/** The live list's engine calls on one host: the list (whole or by ids) and one container's inspect. */
export function engineContainerSource(host: HostConnection): ContainerSource {
  return {
    hostId: host.spec.id,
    list: (ids) => engineCall(host, (abortSignal) => engineContainerList(host, abortSignal, ids)),
    inspect: async (id) => {
      try {
        return await engineCall(host, (abortSignal) =>
          dial<ContainerInspect>(host, {
            path: `/containers/${encodeURIComponent(id)}/json?`,
            method: "GET",
            abortSignal,
            statusCodes: { 200: true, 404: "no such container", 500: "server error" },
          }),
        );
      } catch (err) {
        if (err instanceof AppError && err.code === "NOT_FOUND") return undefined;
        throw err;
      }
    },
  };
}

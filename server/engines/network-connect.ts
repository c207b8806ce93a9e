import { dial } from "./engine-dial";
import type { EndpointSettings } from "./engine-types";
import type { HostConnection } from "./host-connection";

/** `POST /networks/{id}/connect`: joins a container to a network, with its endpoint settings. */
export function connectToNetwork(
  host: HostConnection,
  network: string,
  body: { Container: string; EndpointConfig?: EndpointSettings },
  abortSignal: AbortSignal,
): Promise<unknown> {
  return dial<unknown>(host, {
    path: `/networks/${encodeURIComponent(network)}/connect`,
    method: "POST",
    options: { _body: body },
    abortSignal,
    statusCodes: {
      200: true,
      201: true,
      400: "bad parameter",
      403: "operation not supported for this network",
      404: "network or container is not found",
      500: "server error",
    },
  });
}

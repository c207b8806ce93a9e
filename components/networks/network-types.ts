/** The network shapes the UI reads from the networks routes. */
export interface NetworkEndpoint {
  id: string;
  name: string;
  ipv4: string;
  ipv6: string;
  macAddress: string;
  aliases: string[];
}

export interface NetworkSummary {
  hostId: string;
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ipam: { subnet: string; gateway: string }[];
  labels: Record<string, string>;
  created: string;
  containers: NetworkEndpoint[];
  /** bridge, host and none: the engine's own, which it never removes. */
  builtIn: boolean;
}

export interface NetworkList {
  items: NetworkSummary[];
  errors?: { hostId: string; code: string; message: string }[];
}

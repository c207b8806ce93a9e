import { fieldProblem } from "@/components/ui/form-check";
import { networkCreateSchema, type NetworkCreateRequest } from "@/lib/networks";

/** A new network as the dialog holds it. */
export interface NetworkDraft {
  name: string;
  /** An internal bridge has no route out of the host. */
  internal: boolean;
  subnet: string;
  gateway: string;
  labels: { key: string; value: string }[];
}

export const EMPTY_NETWORK: NetworkDraft = { name: "", internal: true, subnet: "", gateway: "", labels: [] };

/** The Engine API's NetworkCreate body for a bridge, with IPAM only when a subnet or gateway is given. */
export function networkCreateBody(d: NetworkDraft): NetworkCreateRequest {
  const labels: Record<string, string> = {};
  for (const l of d.labels) if (l.key.trim()) labels[l.key.trim()] = l.value;
  const subnet = d.subnet.trim();
  const gateway = d.gateway.trim();
  return {
    Name: d.name.trim(),
    Driver: "bridge",
    Internal: d.internal,
    Labels: labels,
    ...(subnet || gateway
      ? {
          IPAM: {
            Driver: "default",
            Config: [{ ...(subnet ? { Subnet: subnet } : {}), ...(gateway ? { Gateway: gateway } : {}) }],
          },
        }
      : {}),
  };
}

const FIELD_NAMES: [RegExp, string][] = [
  [/^IPAM\.Config\.\d+\.Subnet$/, "Subnet"],
  [/^IPAM\.Config\.\d+\.Gateway$/, "Gateway"],
  [/^EnableIPv6$/, "Subnet"],
  [/^Name$/, "Name"],
  [/^Labels/, "Labels"],
];

/**
 * The server's own checks, run before sending (the same schema), worded for the dialog: the first
 * problem as "Field: reason" naming the dialog's field, or undefined when the draft may be sent.
 */
export function checkNetworkDraft(d: NetworkDraft): Error | undefined {
  const r = networkCreateSchema.safeParse(networkCreateBody(d));
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  if (!issue) return new Error("invalid network");
  const path = issue.path.join(".");
  const field = FIELD_NAMES.find(([re]) => re.test(path))?.[1] ?? (path || "Network");
  return fieldProblem(field, issue.message);
}

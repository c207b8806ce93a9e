"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { TokenRecord } from "@/lib/types";

/** A token just created: the secret comes back this once, next to its record. */
export type CreatedToken = { token: string; item: TokenRecord };

function useInvalidateTokens() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.tokens() });
    void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
  };
}

export function useCreateToken(on: { onSuccess: (r: CreatedToken) => void; onError: (e: Error) => void }) {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (body: unknown) => api<CreatedToken>("/api/v1/tokens", { method: "POST", body }),
    onSuccess: on.onSuccess,
    onError: on.onError,
    onSettled: invalidate,
  });
}

export function useRevokeToken(token: TokenRecord, onSuccess: () => void) {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: () => api(`/api/v1/tokens/${token.id}`, { method: "DELETE" }),
    onSuccess,
    onSettled: invalidate,
  });
}

"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { checkWith } from "@/components/ui/form-check";
import type { Role } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { userUpdateSchema } from "@/lib/schemas";
import type { UserRecord } from "@/lib/types";

export type UserPatch = {
  role?: Role;
  hosts?: "*" | string[];
  labelSelector?: string | null;
  disabled?: boolean;
  password?: string;
};

/** Users change sessions (disable, reset) and always write the audit log. */
function useInvalidateAccess() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.users() });
    void qc.invalidateQueries({ queryKey: queryKeys.sessions() });
    void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
  };
}

export function useCreateUser(on: { onSuccess: (u: UserRecord) => void; onError: (e: Error) => void }) {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: (body: unknown) => api<UserRecord>("/api/v1/users", { method: "POST", body }),
    onSuccess: on.onSuccess,
    onError: on.onError,
    onSettled: invalidate,
  });
}

export function useUpdateUser(user: UserRecord) {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: (patch: UserPatch) => {
      const problem = checkWith(userUpdateSchema, patch);
      if (problem) return Promise.reject(problem);
      return api<UserRecord>(`/api/v1/users/${user.id}`, { method: "PATCH", body: patch });
    },
    onSettled: invalidate,
  });
}

export function useDeleteUser(user: UserRecord, onSuccess: (r: { sessionsEnded: number }) => void) {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: () =>
      api<{ ok: true; sessionsEnded: number }>(`/api/v1/users/${user.id}`, { method: "DELETE" }),
    onSuccess,
    onSettled: invalidate,
  });
}

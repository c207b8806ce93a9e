import type { AuditLog } from "../../audit/audit-log";
import type { ExecStart } from "../../../lib/realtime/events";
import type { ExecSession, SessionEnd } from "./exec-session";

/** What the audit log keeps about a session's command: `auto` names the shell it resolved to. */
export const auditParams = (p: ExecStart, program?: string) => ({
  cmd: p.cmd ?? (program ? [program] : ["auto"]),
  ...(p.cmd ? {} : { shell: "auto" }),
  user: p.user ?? "",
  workingDir: p.workingDir ?? "",
});

/** A start that failed; never throws, since the caller is already reporting an error. */
export function recordFailedStart(
  audit: AuditLog,
  e: { user: string; ip: string; hostId: string; target: string; params: unknown; error: string },
): void {
  try {
    audit.record({ ...e, action: "exec.start", result: "error" });
  } catch (err) {
    console.error("[exec] audit of a failed exec.start failed:", err);
  }
}

/** exec.end, once per session, however many ways it ends at once. */
export function recordEnd(
  audit: AuditLog,
  s: ExecSession,
  end: Pick<SessionEnd, "reason" | "exitCode" | "cleanupError">,
): void {
  if (s.audited) return;
  s.audited = true;
  try {
    audit.record({
      user: s.init.audit.user,
      ip: s.init.audit.ip,
      hostId: s.init.host.spec.id,
      target: s.init.containerName,
      action: "exec.end",
      params: {
        ...s.init.audit.params,
        exitCode: end.exitCode,
        durationMs: Date.now() - s.startedAt,
        reason: end.reason,
      },
      result: end.cleanupError ? "error" : "ok",
      ...(end.cleanupError ? { error: `could not end the process: ${end.cleanupError}` } : {}),
    });
  } catch (err) {
    console.error("[exec] audit of exec.end failed:", err);
  }
}

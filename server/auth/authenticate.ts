import type { IncomingMessage } from "node:http";
import type { Principal } from "./principal";
import { sessionToken } from "./request-auth";
import type { Session, SessionStore } from "./sessions";
import type { TokenStore } from "./tokens";

export interface Authenticated {
  principal: Principal;
  session?: Session;
  /** Cookie-authenticated requests are the ones CSRF can ride. */
  viaCookie: boolean;
}

export function principalOf(session: Session): Principal {
  const { user } = session;
  return {
    kind: "user",
    id: user.id,
    name: user.username,
    role: user.role,
    scope: user.labelSelector
      ? { hosts: user.hosts, labelSelector: user.labelSelector }
      : { hosts: user.hosts },
    sessionId: session.id,
  };
}

/** A bearer token wins over a cookie; a present but unknown token never falls back to the cookie. */
export function authenticate(
  req: IncomingMessage,
  stores: { sessions: SessionStore; tokens: TokenStore },
  bearer: string | undefined = bearerToken(req),
): Authenticated | undefined {
  if (bearer !== undefined) {
    const principal = stores.tokens.resolve(bearer);
    return principal && { principal, viaCookie: false };
  }
  const session = stores.sessions.resolve(sessionToken(req));
  return session && { principal: principalOf(session), session, viaCookie: true };
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : "";
}

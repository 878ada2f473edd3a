import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Session } from '../../contracts/access.ts';
import type { Actor } from './access.ts';
import { AppError, unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'hoptac_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: Session | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (health, login, logout). */
    isPublic?: boolean;
    /** Logging in creates the session the CSRF token belongs to, so it cannot carry one. */
    isCsrfExempt?: boolean;
  }
}

export type Authenticator = {
  findSession: (secret: string) => Promise<{ actor: Actor; session: Session } | undefined>;
  findTokenActor: (bearer: string) => Promise<Actor | undefined>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfRejected = () =>
  new AppError(403, 'csrf', {
    vi: 'Phiên làm việc không xác nhận được yêu cầu này. Hãy tải lại trang rồi thử lại.',
    en: 'The request could not be verified for this session. Reload the page and try again.',
  });

/** The actor behind the request: the caller of `requireActor` gets 401 when there is none. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/**
 * Resolves who is calling: an API token (Authorization: Bearer) or the session cookie. A change
 * made with the cookie must echo the session's CSRF token, which another site cannot read.
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // The web app's files and the API documentation are public; the API itself is not.
    if (!request.url.startsWith('/api/v1/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const actor = await authenticator.findTokenActor(authorization.slice('Bearer '.length).trim());
      if (!actor) throw unauthenticated();
      request.actor = actor;
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    const found = secret ? await authenticator.findSession(secret) : undefined;
    if (found) {
      const needsCsrf = !SAFE_METHODS.has(request.method) && !request.routeOptions.config.isCsrfExempt;
      if (needsCsrf && request.headers[CSRF_HEADER] !== found.session.csrfToken) throw csrfRejected();
      request.actor = found.actor;
      request.session = found.session;
    }
    if (!request.actor && !request.routeOptions.config.isPublic) throw unauthenticated();
  });
}

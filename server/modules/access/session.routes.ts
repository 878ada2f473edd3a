import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginSchema, sessionSchema } from '../../../contracts/access.ts';
import { problemSchema } from '../../../contracts/common.ts';
import { SESSION_COOKIE, requireActor } from '../../platform/authentication.ts';
import { type AuthenticationService, toSessionUser } from './authentication.service.ts';

export function sessionRoutes(deps: {
  authentication: AuthenticationService;
  loginAttemptsPerMinute: number;
  secureCookies: 'true' | 'false' | 'auto';
}): FastifyPluginAsyncZod {
  const { authentication } = deps;
  return async (app) => {
    app.get(
      '/session',
      { schema: { tags: ['access'], summary: 'The logged-in user and the CSRF token', response: { 200: sessionSchema } } },
      async (request) => {
        const actor = requireActor(request);
        // An API token has no cookie to protect, so no CSRF token either.
        return request.session ?? { user: toSessionUser(actor), csrfToken: '' };
      },
    );

    app.post(
      '/session',
      {
        config: {
          isPublic: true,
          isCsrfExempt: true,
          rateLimit: {
            max: deps.loginAttemptsPerMinute,
            timeWindow: '1 minute',
            // Per address and username: guessing one account is slowed, colleagues behind one router are not.
            keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: unknown } | undefined)?.username ?? '')}`,
          },
        },
        schema: { tags: ['access'], summary: 'Log in', body: loginSchema, response: { 200: sessionSchema, 401: problemSchema } },
      },
      async (request, reply) => {
        const { secret, session, expiresAt } = await authentication.login(request.body.username, request.body.password);
        const secure = deps.secureCookies === 'auto' ? request.protocol === 'https' : deps.secureCookies === 'true';
        reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
        return session;
      },
    );

    app.delete('/session', { config: { isPublic: true }, schema: { tags: ['access'], summary: 'Log out' } }, async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await authentication.logout(secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });
  };
}

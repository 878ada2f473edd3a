import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserSchema, updateUserSchema, userListQuerySchema, userSchema } from '../../../contracts/access.ts';
import { idSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../platform/authentication.ts';
import type { UserService } from './user.service.ts';

export function userRoutes(users: UserService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['access'],
          summary: 'Users (administrators)',
          querystring: userListQuerySchema,
          response: { 200: z.object({ items: z.array(userSchema) }) },
        },
      },
      async (request) => ({ items: await users.findUsers(requireActor(request), request.query) }),
    );

    app.post(
      '/users',
      { schema: { tags: ['access'], summary: 'Create a user', body: createUserSchema, response: { 201: userSchema } } },
      async (request, reply) => reply.status(201).send(await users.createUser(requireActor(request), request.body)),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['access'],
          summary: 'Change a user',
          params: z.object({ id: idSchema }),
          body: updateUserSchema,
          response: { 200: userSchema },
        },
      },
      async (request) => users.updateUser(requireActor(request), request.params.id, request.body),
    );
  };
}

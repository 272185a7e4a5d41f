import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminsOnly } from '../../access';
import { actorOf } from '../../plugins/auth';
import { createUserBody, setPasswordBody, updateUserBody, user, userList, userParams } from './users.schemas';
import type { UsersService } from './users.service';

export function usersRoutes(service: UsersService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/users',
      {
        config: { access: adminsOnly },
        schema: { tags: ['users'], summary: 'Add a user', body: createUserBody, response: { 201: user } },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
    );
    r.patch(
      '/api/users/:id',
      {
        config: { access: adminsOnly },
        schema: {
          tags: ['users'],
          summary: 'Change a user; a new role or disabling ends their sessions',
          params: userParams,
          body: updateUserBody,
          response: { 200: user },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );
    r.post(
      '/api/users/:id/password',
      {
        config: { access: adminsOnly },
        schema: {
          tags: ['users'],
          summary: "Reset a user's password; every session of theirs ends",
          params: userParams,
          body: setPasswordBody,
        },
      },
      async (request, reply) => {
        await service.setPassword(
          actorOf(request),
          request.params.id,
          request.body.next,
          'user.password_reset',
        );
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/users',
      {
        config: { access: adminsOnly },
        schema: { tags: ['users'], summary: 'List users', response: { 200: userList } },
      },
      async () => ({ items: service.list() }),
    );
  };
}

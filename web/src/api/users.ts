import type { CreateUserInput, UpdateUserBody, User, UserList } from '@server/modules/users/users.schemas';
import { request } from './http';

export type { CreateUserInput, UpdateUserBody, User };

export const usersApi = {
  users: () => request<UserList>('/api/users'),
  createUser: (body: CreateUserInput, key: string) =>
    request<User>('/api/users', { method: 'POST', body, idempotencyKey: key }),
  updateUser: (id: number, body: UpdateUserBody) =>
    request<User>(`/api/users/${id}`, { method: 'PATCH', body }),
};

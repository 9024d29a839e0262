// Accounts: signing in, one's own account, user administration (module `auth`).
import { request, get, resource } from './core.js';

export default {
  auth: {
    session: (signal) => get('/auth/session', undefined, signal),
    login: async (email, password) => (await request('POST', '/auth/login', { body: { email, password } })).data,
    logout: () => request('POST', '/auth/logout'),
  },
  me: {
    get: (signal) => request('GET', '/me', { signal }),
    update: (body, version) => request('PUT', '/me', { body, version }),
    changePassword: (current_password, new_password) => request('PUT', '/me/password', { body: { current_password, new_password } }),
    data: (signal) => get('/me/data', undefined, signal),
  },
  users: {
    ...resource('/users'),
    resetPassword: async (id) => (await request('POST', `/users/${id}/password-reset`)).data,
    erase: (id, version) => request('POST', `/users/${id}/erasure`, { version }),
    data: (id, signal) => get(`/users/${id}/data`, undefined, signal),
  },
};

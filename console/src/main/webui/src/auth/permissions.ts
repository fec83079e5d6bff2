import type { User } from '../api/types';

/** Admins may do everything; everyone else needs the named permission. The server checks again anyway. */
export function can(user: User | null | undefined, permission: string | 'admin'): boolean {
  if (!user) return false;
  if (user.admin) return true;
  if (permission === 'admin') return false;
  return user.permissions.includes(permission);
}

/** Owner or admin: editing, deleting and the allow-list of a device. */
export function ownsOrAdmin(user: User | null | undefined, owner: string | null | undefined): boolean {
  return !!user && (user.admin || (!!owner && owner === user.id));
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client';
import type { User } from '../api/types';
import { can } from './permissions';

interface Session {
  user: User | null;
  loading: boolean;
  login(identity: string, password: string): Promise<User>;
  logout(): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<Session | null>(null);
/** Renew the cookie well before the token's lifetime (24 h by default) runs out. */
const REFRESH_EVERY_MS = 30 * 60 * 1000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const queries = useQueryClient();

  useEffect(() => {
    api<User>('/api/auth/me')
      .then(setUser)
      .catch(() => setUser(null))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    if (!user) return;
    const timer = window.setInterval(() => {
      api('/api/auth/session/refresh', { method: 'POST' }).catch((e) => {
        if (e instanceof ApiError && e.status === 401) setUser(null);
      });
    }, REFRESH_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [user]);

  const login = useCallback(async (identity: string, password: string) => {
    const record = await api<User>('/api/auth/session', { method: 'POST', body: { identity, password } });
    const me = await api<User>('/api/auth/me').catch(() => record);
    queries.clear();
    setUser(me);
    return me;
  }, [queries]);

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/session', { method: 'DELETE' });
    } finally {
      queries.clear();
      setUser(null);
    }
  }, [queries]);

  const value = useMemo<Session>(() => ({ user, loading, login, logout, can: (p) => can(user, p) }), [user, loading, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Shows its children only when the signed-in user holds the permission. */
export function Can({ permission, children, fallback = null }: { permission: string; children: ReactNode; fallback?: ReactNode }) {
  const session = useSession();
  return <>{session.can(permission) ? children : fallback}</>;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionExpired, setToken } from './client';
import { live } from './live';
import type { Session, User } from './types';

const STORAGE_KEY = 'lifeline.session';

interface SessionState { user: User | null; login(username: string, password: string): Promise<void>; logout(): void }
const SessionContext = createContext<SessionState | null>(null);

function restore(): Session | null {
  try { return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null; } catch { return null; }
}

/** The logged-in user; the token lives in sessionStorage so a reload keeps the shift logged in. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => {
    const s = restore();
    if (s) setToken(s.token);
    return s;
  });
  const logout = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setToken(null);
    live.close();
    setSession(null);
  }, []);
  useEffect(() => onSessionExpired(logout), [logout]);
  useEffect(() => { if (session) live.connect(session.token); }, [session]);
  const login = useCallback(async (username: string, password: string) => {
    const s = await api.login(username, password);
    setToken(s.token);
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token: s.token, user: s.user }));
    setSession({ token: s.token, user: s.user });
  }, []);
  const value = useMemo(() => ({ user: session?.user ?? null, login, logout }), [session, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api } from '../../api/client';
import { live } from '../../api/live';
import type { Case } from '../../api/types';
import { beep } from './alert-cue';
import { isActive } from './case-order';

const POLL_MS = 30_000;

interface CasesState {
  cases: Case[];
  /** The cases route is missing on this server: pages say so instead of failing. */
  unavailable: boolean;
  /** Ids of red/orange cases that arrived live and have not been opened yet. */
  fresh: Set<string>;
  seen(id: string): void;
  refresh(): void;
  /** Replace one case (after an action). */
  put(c: Case): void;
}

const CasesContext = createContext<CasesState | null>(null);

/** Every case the dashboard knows, kept live: a full load, then SSE `case` events, with a slow poll as a safety net. */
export function CasesProvider({ children }: { children: ReactNode }) {
  const [byId, setById] = useState<Map<string, Case>>(new Map());
  const [unavailable, setUnavailable] = useState(false);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const loaded = useRef(false);

  const refresh = useCallback(() => {
    api.cases().then((list) => {
      setUnavailable(false);
      setById(new Map(list.map((c) => [c.id, c])));
      loaded.current = true;
    }, (e: Error) => { if (e instanceof ApiError && (e.missing || e.status === 404)) setUnavailable(true); });
  }, []);

  const put = useCallback((c: Case) => setById((m) => new Map(m).set(c.id, { ...m.get(c.id), ...c })), []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    // A live event carries the raw case; the list route's view (overdue, allowed …) follows shortly after.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => { clearTimeout(pending); pending = setTimeout(refresh, 300); };
    const off = live.on('case', (c) => {
      if (!c || typeof c.id !== 'string') return;
      setById((m) => {
        const before = m.get(c.id);
        const merged = { ...before, ...c } as Case;
        // A new urgent case, or one escalated to red/orange: the visible and audible cue.
        if (loaded.current && merged.level <= 2 && isActive(merged) && (!before || before.level > merged.level)) {
          setFresh((f) => new Set(f).add(c.id));
          beep(merged.level);
        }
        return new Map(m).set(c.id, merged);
      });
      refreshSoon();
    });
    // After a reconnect, catch up on what was missed.
    const offStatus = live.onStatus((up) => { if (up) refresh(); });
    return () => { clearInterval(timer); clearTimeout(pending); off(); offStatus(); };
  }, [refresh]);

  const seen = useCallback((id: string) => setFresh((f) => { if (!f.has(id)) return f; const n = new Set(f); n.delete(id); return n; }), []);
  const value = useMemo(() => ({ cases: [...byId.values()], unavailable, fresh, seen, refresh, put }), [byId, unavailable, fresh, seen, refresh, put]);
  return <CasesContext.Provider value={value}>{children}</CasesContext.Provider>;
}

export function useCases(): CasesState {
  const ctx = useContext(CasesContext);
  if (!ctx) throw new Error('useCases outside CasesProvider');
  return ctx;
}

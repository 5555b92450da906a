import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import type { Case, PlanStep } from '../../api/types';
import { useI18n } from '../../i18n';

/** The plan's steps; the assigned department ticks them (action `tick`), the audit keeps who and when. */
export function PlanChecklist({ c, steps, onDone }: { c: Case; steps: PlanStep[]; onDone(): void }) {
  const { lang } = useI18n();
  const { user } = useSession();
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const canTick = (c.allowed ?? []).includes('tick') && (user?.role === 'admin' || (user?.role === 'handler' && user.department === c.department));
  const text = (s: PlanStep) => (lang === 'en' ? s.en : s.zh) ?? s.zh ?? s.id;
  const tick = async (i: number, s: PlanStep) => {
    setTicked((t) => new Set(t).add(i));
    try { await api.act(c.id, { action: 'tick', step: s.id }); onDone(); } catch { setTicked((t) => { const n = new Set(t); n.delete(i); return n; }); }
  };
  return (
    <ul className="checklist">
      {steps.map((s, i) => {
        const done = s.done === true || ticked.has(i);
        return (
          <li key={s.id ?? i} className={done ? 'done' : ''}>
            <label><input type="checkbox" checked={done} disabled={done || !canTick} onChange={() => void tick(i, s)} data-step={s.id} /> {text(s)}{s.mandatory ? ' *' : ''}</label>{s.done && s.by && <span className="muted small"> · {s.by}</span>}
          </li>
        );
      })}
    </ul>
  );
}

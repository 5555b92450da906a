import { useState } from 'react';
import { api } from '../../api/client';
import { useCity } from '../../api/city';
import { useSession } from '../../api/session';
import type { Case, CaseAction } from '../../api/types';
import { useI18n, useLabel } from '../../i18n';
import { allowedActions } from './allowed-actions';

const REASONS = ['sensor_fault', 'interference', 'maintenance', 'other'];

/** The actions the user's role allows now, each with a note; confirm asks a level, dismiss a reason, dispatch a department. */
export function CaseActions({ c, onDone }: { c: Case; onDone(updated: Case | undefined): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { user } = useSession();
  const { departments } = useCity();
  const [note, setNote] = useState('');
  const [level, setLevel] = useState(String(c.level));
  const [reason, setReason] = useState(REASONS[0]!);
  const [department, setDepartment] = useState(c.department ?? departments.find((d) => d.domains?.[0] === c.domain)?.id ?? departments[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const actions = allowedActions(c, user);

  if (actions.length <= 1 && user?.role === 'viewer') return <p className="muted">{t('case.viewerOnly')}</p>;

  const run = async (action: CaseAction) => {
    setBusy(true); setMessage(null);
    try {
      const body: Parameters<typeof api.act>[1] = { action, ...(note ? { note } : {}) };
      if (action === 'confirm') body.level = Number(level);
      if (action === 'dismiss') body.note = note ? `${label('reason', reason)}: ${note}` : label('reason', reason);
      if (action === 'dispatch') body.department = department;
      const updated = await api.act(c.id, body);
      setNote('');
      setMessage({ ok: true, text: t('action.done', { action: label('action', action) }) });
      onDone(updated && typeof updated === 'object' && 'id' in updated ? updated : undefined);
    } catch (e) {
      setMessage({ ok: false, text: t('action.failed', { message: (e as Error).message }) });
    } finally { setBusy(false); }
  };

  return (
    <div className="actions">
      <textarea placeholder={t('case.note')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="action-note" />
      <div className="action-params">
        {actions.includes('confirm') && (
          <label>{t('case.level')}
            <select value={level} onChange={(e) => setLevel(e.target.value)} data-testid="action-level">
              {[1, 2, 3, 4].map((l) => <option key={l} value={l}>{label('level', l)}</option>)}
            </select>
          </label>
        )}
        {actions.includes('dismiss') && (
          <label>{t('case.reason')}
            <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="action-reason">
              {REASONS.map((r) => <option key={r} value={r}>{label('reason', r)}</option>)}
            </select>
          </label>
        )}
        {actions.includes('dispatch') && (
          <label>{t('case.department')}
            <select value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="action-department">
              {departments.map((d) => <option key={d.id} value={d.id}>{lang === 'en' ? d.nameEn ?? d.name : d.name}</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="action-buttons">
        {actions.map((a) => (
          <button key={a} type="button" disabled={busy} className={a === 'dismiss' ? 'secondary' : a === 'comment' ? 'ghost' : 'primary'}
            data-action={a} onClick={() => void run(a)}>{label('action', a)}</button>
        ))}
      </div>
      {message && <p className={message.ok ? 'ok' : 'error'}>{message.text}</p>}
    </div>
  );
}

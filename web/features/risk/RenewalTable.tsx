import { useEffect, useState } from 'react';
import { api, download } from '../../api/client';
import { useCity } from '../../api/city';
import type { RenewalRow } from '../../api/types';
import { useI18n, useLabel } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { LevelBadge } from './RiskFactors';
import { useRiskNote } from './risk-note';

/** Pipes ranked for renewal (risk removed per yuan), 50 at a time, with the whole list as CSV or GeoJSON. */
export function RenewalTable({ selected, onPick }: { selected: string | null; onPick(id: string): void }) {
  const { t, lang } = useI18n();
  const note = useRiskNote();
  const { assetsById } = useCity();
  // The row's material is the model's code; the pipe's own record names it in both languages.
  const material = (r: RenewalRow) => { const p = assetsById.get(r.id)?.properties; return String((lang === 'en' ? p?.materialEn : p?.materialZh) ?? r.material ?? '—'); };
  const label = useLabel();
  const [rows, setRows] = useState<RenewalRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const more = (cursor: string | null) => {
    setBusy(true);
    api.renewal(cursor).then((p) => { setRows((r) => (cursor ? [...r, ...p.items] : p.items)); setNext(p.next); setTotal(p.total); setError(null); },
      (e: Error) => setError(e.message)).finally(() => setBusy(false));
  };
  useEffect(() => more(null), []);
  const save = (format: 'csv' | 'geojson') => {
    download(`/risk/renewal?format=${format}`, `renewal.${format === 'csv' ? 'csv' : 'geojson'}`).catch((e: Error) => setError(e.message));
  };
  return (
    <section className="renewal" data-testid="renewal">
      <div className="panel-head">
        <h2>{t('risk.renewal')}</h2>
        <span className="muted small">{t('risk.renewalHint')}</span>
        <span className="muted">{t('risk.renewalCount', { n: rows.length, total })}</span>
        <button type="button" onClick={() => save('csv')} data-testid="renewal-csv">⇩ CSV</button>
        <button type="button" onClick={() => save('geojson')} data-testid="renewal-geojson">⇩ GeoJSON</button>
      </div>
      {error && <p className="error pad">{t('common.error', { message: error })}</p>}
      <div className="renewal-scroll">
        <table className="table">
          <thead><tr>
            <th>#</th><th>{t('risk.pipe')}</th><th>{t('attr.material')}</th><th>DN</th><th>{t('risk.age')}</th>
            <th>{t('risk.riskAfter')}</th><th>{t('risk.cost')}</th><th>{t('risk.per10k')}</th><th>{t('risk.reasons')}</th>
          </tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`clickable${selected === r.id ? ' selected' : ''}`} onClick={() => onPick(r.id)} data-testid="renewal-row">
                <td>{r.rank}</td>
                <td className="nowrap"><div>{r.id}</div><div className="muted small">{label('domain', r.domain)}</div></td>
                <td>{material(r)}</td>
                <td>{r.diameterMm ?? '—'}</td>
                <td>{r.ageYears ?? '—'}</td>
                <td className="nowrap"><LevelBadge level={r.level} /> {formatNumber(r.risk, lang, 1)} → <LevelBadge level={r.levelAfter} /> {formatNumber(r.riskAfter, lang, 1)}</td>
                <td className="nowrap">{t('risk.costValue', { wan: formatNumber(r.costYuan / 10_000, lang, 1), k: formatNumber(r.costYuan / 1000, lang, 0) })}</td>
                <td>{formatNumber(r.reductionPer10kYuan, lang, 3)}</td>
                <td className="small">{r.reasons.map(note).join(lang === 'en' ? '; ' : '；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {next && <button type="button" className="more" disabled={busy} onClick={() => more(next)}>{busy ? t('common.loading') : t('risk.more')}</button>}
      </div>
    </section>
  );
}

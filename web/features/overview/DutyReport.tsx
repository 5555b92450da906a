import { useState } from 'react';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { useI18n, useLabel } from '../../i18n';
import { formatNumber } from '../../ui/format';

const todayIso = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };
const BREAKDOWNS = [['byLevel', 'level'], ['byDomain', 'domain'], ['byState', 'state']] as const;
interface Timing { count: number; median: number | null; p90: number | null }

/** The duty report for a day (/reports/daily): cases by level, lifeline and state, response times. */
export function DutyReport() {
  const { t, lang } = useI18n();
  const label = useLabel();
  const [date, setDate] = useState(todayIso);
  const report = useAsync(() => api.dailyReport(date), [date]);
  const r = (report.data ?? {}) as Record<string, unknown>;
  const minutes = (ms: number | null) => (ms === null ? '—' : t('report.minutes', { n: formatNumber(ms / 60_000, lang, 1) }));
  const timings = Object.entries((r.responseTimes ?? {}) as Record<string, Timing>);
  return (
    <section className="card report" data-testid="duty-report">
      <header className="panel-head">
        <h2>{t('overview.report')}</h2>
        <label className="filter"><span>{t('overview.reportDate')}</span><input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <button type="button" className="ghost" onClick={() => window.print()}>{t('overview.print')}</button>
      </header>
      {report.loading && <p className="muted">{t('common.loading')}</p>}
      {report.error && <p className="notice">{t('common.unavailable')}</p>}
      {report.data && (
        <>
          <div className="stats small-stats">
            <div><b>{formatNumber(r.cases as number, lang)}</b><span>{t('report.cases')}</span></div>
            <div><b>{Array.isArray(r.overdue) ? r.overdue.length : formatNumber(r.overdue as number, lang)}</b><span>{t('overview.overdue')}</span></div>
          </div>
          <div className="report-tables">
            {BREAKDOWNS.map(([key, prefix]) => (
              <table key={key} className="table"><caption>{t(`report.${key}`)}</caption><tbody>
                {Object.entries((r[key] ?? {}) as Record<string, number>).map(([k, v]) => <tr key={k}><td>{label(prefix, k)}</td><td>{formatNumber(v, lang)}</td></tr>)}
                {Object.keys((r[key] ?? {}) as object).length === 0 && <tr><td className="muted">{t('common.none')}</td></tr>}
              </tbody></table>
            ))}
          </div>
          <table className="table">
            <caption>{t('overview.responseTimes')}</caption>
            <thead><tr><th /><th>{t('report.count')}</th><th>{t('report.median')}</th><th>{t('report.p90')}</th></tr></thead>
            <tbody>{timings.map(([k, v]) => <tr key={k}><td>{label('milestone', k)}</td><td>{v.count}</td><td>{minutes(v.median)}</td><td>{minutes(v.p90)}</td></tr>)}</tbody>
          </table>
        </>
      )}
    </section>
  );
}

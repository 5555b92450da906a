import { useMemo } from 'react';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { useI18n, useLabel } from '../../i18n';
import { DOMAIN_HEX, LEVEL_HEX } from '../../ui/colours';
import { formatNumber } from '../../ui/format';
import { useCases } from '../cases/cases-store';
import { caseStats } from './case-stats';
import { DutyReport } from './DutyReport';
import { sensorCounts } from './sensor-counts';

/** The shift at a glance: sensors online, active cases by level and lifeline, overdue, handled today, the week, the duty report. */
export function Overview() {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { cases, unavailable } = useCases();
  // The compact positions answer carries every sensor's status: fresh counts without 50,000 sensor objects.
  const sensors = useAsync(() => api.sensorPositions(), []);
  const stats = useMemo(() => caseStats(cases), [cases]);
  const { online, total, byDomain } = useMemo(() => sensorCounts(sensors.data), [sensors.data]);
  const weekMax = Math.max(1, ...stats.week.map((d) => Math.max(d.opened, d.closed)));
  const domainMax = Math.max(1, ...Object.values(stats.byDomain));
  return (
    <div className="page overview">
      <div className="stats big-stats">
        <div className="card"><span>{t('overview.sensorsOnline')}</span><b>{formatNumber(online, lang)}<small> / {formatNumber(total, lang)}</small></b>
          <small className="muted">{total ? `${((online / total) * 100).toFixed(1)}%` : ''}</small></div>
        <div className="card"><span>{t('overview.activeCases')}</span><b>{unavailable ? '—' : stats.active}</b></div>
        <div className={`card${stats.overdue ? ' alert' : ''}`}><span>{t('overview.overdue')}</span><b>{unavailable ? '—' : stats.overdue}</b></div>
        <div className="card"><span>{t('overview.handledToday')}</span><b>{unavailable ? '—' : stats.handledToday}</b></div>
      </div>
      {unavailable && <p className="notice">{t('cases.unavailable')}</p>}
      <div className="grid-3">
        <section className="card">
          <h2>{t('overview.byLevel')}</h2>
          <div className="level-tiles">{[1, 2, 3, 4].map((l) => (
            <div key={l} className={`level-tile level-${l}`} style={{ borderColor: LEVEL_HEX[l] }}><b>{stats.byLevel[l] ?? 0}</b><span>{label('level', l)}</span></div>
          ))}</div>
        </section>
        <section className="card">
          <h2>{t('overview.byDomain')}</h2>
          {Object.keys(stats.byDomain).length === 0 && <p className="muted">{t('cases.empty')}</p>}
          <ul className="bars">{Object.entries(stats.byDomain).sort((a, b) => b[1] - a[1]).map(([d, n]) => (
            <li key={d}><span>{label('domain', d)}</span><i style={{ width: `${(n / domainMax) * 100}%`, background: DOMAIN_HEX[d] }} /><b>{n}</b></li>
          ))}</ul>
        </section>
        <section className="card">
          <h2>{t('overview.weekTrend')}</h2>
          <div className="week">{stats.week.map((d) => (
            <div key={d.day} className="week-day">
              <div className="week-bars">
                <i className="opened" style={{ height: `${(d.opened / weekMax) * 100}%` }} title={`${t('overview.opened')} ${d.opened}`} />
                <i className="closed" style={{ height: `${(d.closed / weekMax) * 100}%` }} title={`${t('overview.closed')} ${d.closed}`} />
              </div>
              <span>{new Date(d.day).toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { month: 'numeric', day: 'numeric' })}</span>
            </div>
          ))}</div>
          <div className="legend"><i className="opened" /> {t('overview.opened')} <i className="closed" /> {t('overview.closed')}</div>
        </section>
      </div>
      <div className="grid-2">
        <section className="card">
          <h2>{t('overview.sensorsByDomain')}</h2>
          <table className="table"><thead><tr><th>{t('case.domain')}</th><th>{t('overview.total')}</th><th>{t('sensor.online')}</th><th>{t('overview.offline')}</th></tr></thead>
            <tbody>{byDomain.map(([d, e]) => <tr key={d}><td>{label('domain', d)}</td><td>{e.total}</td><td>{e.online}</td><td>{e.total - e.online}</td></tr>)}</tbody></table>
        </section>
        <DutyReport />
      </div>
    </div>
  );
}

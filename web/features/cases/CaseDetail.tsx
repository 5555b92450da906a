import { useEffect, useMemo } from 'react';
import { api } from '../../api/client';
import { useCity, useDepartmentName } from '../../api/city';
import { useLive } from '../../api/live';
import { useAsync } from '../../api/use-async';
import { useSensors } from '../../api/sensor-details';
import type { Case } from '../../api/types';
import { useI18n, useLabel } from '../../i18n';
import { formatNumber, formatTime } from '../../ui/format';
import { go, href } from '../../ui/router';
import { HistoryChart } from '../assets/HistoryChart';
import { CaseActions } from './CaseActions';
import { caseAlarms, entryTime, impactCounts, involvedSensors, planSteps } from './case-parts';
import { isOverdue, openedAt } from './case-order';
import { useCases } from './cases-store';
import { PlanChecklist } from './PlanChecklist';
import { useImpactText, type ImpactActionLike } from './impact-text';
import { useServerText } from './server-text';

const HOUR = 3_600_000;

/** Everything about one case: what, where, its alarms and sensor charts, timeline, plan, impact and the next actions. */
export function CaseDetail({ id, onClose }: { id: string; onClose?(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const dept = useDepartmentName();
  const { assetsById } = useCity();
  const { put, seen } = useCases();
  const { caseTitle, alarmMessage, timelineNote, actor } = useServerText();
  const impactText = useImpactText();
  const loaded = useAsync(() => api.case(id), [id]);
  useEffect(() => seen(id), [id, seen]);
  useLive('case', (c) => { if (c.id === id) loaded.reload(); }, [id]);
  const c = loaded.data;
  const alarms = useMemo(() => (c ? caseAlarms(c) : []), [c]);
  const sensorIds = useMemo(() => (c ? involvedSensors(c).slice(0, 4) : []), [c]);
  const sensors = useSensors(sensorIds);
  const range = useMemo(() => {
    const start = c ? openedAt(c) || Date.now() : Date.now();
    return { from: start - 6 * HOUR, to: Math.max(Date.now(), start + HOUR) };
    // The window is fixed when the case is opened here, not re-derived on each live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [c?.id]);

  if (loaded.loading && !c) return <div className="detail pad">{t('common.loading')}</div>;
  if (!c) return <div className="detail pad"><p className="notice">{loaded.missing ? t('cases.unavailable') : t('case.notFound')}</p><button type="button" onClick={onClose}>{t('common.back')}</button></div>;

  const asset = c.asset ? assetsById.get(c.asset) : undefined;
  const assetName = asset ? String((lang === 'en' ? asset.properties.nameEn : undefined) ?? asset.properties.name ?? asset.id) : c.asset;
  const impact = impactCounts(c);
  const steps = planSteps(c);
  const due = c.sla?.due;
  return (
    <article className={`detail case-detail level-${c.level}`}>
      <header className="detail-head">
        {onClose && <button type="button" className="ghost" onClick={onClose}>← {t('common.back')}</button>}
        <span className={`badge level-${c.level}`}>{label('level', c.level)}</span>
        <h2>{caseTitle(c)}</h2>
        <span className={`state state-${c.state}`} data-testid="case-state">{label('state', c.state)}</span>
        {isOverdue(c) && <span className="overdue-flag">{t('cases.overdue')}</span>}
      </header>
      <dl className="facts">
        <dt>{t('case.domain')}</dt><dd>{label('domain', c.domain)}</dd>
        <dt>{t('case.asset')}</dt><dd>{c.asset ? <a href={href.asset(c.asset)}>{assetName}</a> : '—'}</dd>
        <dt>{t('case.department')}</dt><dd>{dept(c.department, lang)}</dd>
        <dt>{t('case.opened')}</dt><dd>{formatTime(openedAt(c), lang)}</dd>
        {due && <><dt>{t('case.deadline')}</dt><dd>{formatTime(due, lang)}</dd></>}
        <dt>{t('case.level')}</dt><dd>{label('level', `${c.level}.long`)}</dd>
      </dl>
      {c.summary && <p>{c.summary}</p>}

      <section><h3>{t('case.actions')}</h3><CaseActions c={c} onDone={(u) => { if (u) put(u); loaded.reload(); }} /></section>

      <section>
        <h3>{t('case.charts')}</h3>
        {sensors.length === 0 && <p className="muted">{t('case.noAlarms')}</p>}
        <div className="charts">{sensors.map((s) => <HistoryChart key={s.id} sensor={s} from={range.from} to={range.to} alarms={alarms} height={150} />)}</div>
      </section>

      <section>
        <h3>{t('case.alarms')}</h3>
        {alarms.length === 0 ? <p className="muted">{t('case.noAlarms')}</p> : (
          <table className="table">
            <thead><tr><th>{t('case.level')}</th><th>{t('alarm.sensor')}</th><th>{t('alarm.kind')}</th><th>{t('alarm.raised')}</th><th>{t('alarm.cleared')}</th><th>{t('alarm.message')}</th></tr></thead>
            <tbody>{alarms.map((a) => (
              <tr key={a.id}>
                <td><span className={`badge level-${a.level}`}>{label('level', a.level)}</span></td>
                <td><a href={href.sensor(a.sensor)} onClick={(e) => { e.preventDefault(); go(href.sensor(a.sensor)); }}>{a.sensor}</a></td>
                <td>{label('class', a.class ?? a.kind)}</td><td>{formatTime(a.raisedAt, lang)}</td><td>{a.clearedAt ? formatTime(a.clearedAt, lang) : t('alarm.active')}</td><td>{alarmMessage(a)}</td>
              </tr>))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h3>{t('case.impact')}</h3>
        {!impact ? <p className="muted">{t('case.noImpact')}</p> : (
          <div className="stats small-stats">
            <div><b>{formatNumber(impact.population, lang)}</b><span>{t('case.impact.population')}</span></div>
            <div><b>{formatNumber(impact.assets, lang)}</b><span>{t('case.impact.assets')}</span></div>
            <div><b>{formatNumber(impact.facilities, lang)}</b><span>{t('case.impact.facilities')}</span></div>
          </div>
        )}
        {c.impact && <p>{impactText.summary(c.impact)}</p>}
        {/* The model's own paragraph is English: shown to English readers as the detail. */}
        {lang === 'en' && c.impact?.summary && <p className="muted small">{c.impact.summary}</p>}
        {Array.isArray(c.impact?.actions) && c.impact!.actions!.length > 0 && (
          <ol className="bullets impact-actions">{(c.impact!.actions as ImpactActionLike[]).map((a, i) => {
            const { title, targets } = impactText.action(a);
            return <li key={i}><b>{title}</b>{targets && <span className="muted small"> · {targets}</span>}{a.by && <span className="muted small"> · {label('by', a.by)}</span>}</li>;
          })}</ol>
        )}
      </section>

      <section><h3>{t('case.plan')}{c.plan ? ` · ${lang === 'en' ? c.plan.title.en : c.plan.title.zh}` : ''}</h3>{steps.length === 0 ? <p className="muted">{t('case.noPlan')}</p> : <PlanChecklist c={c} steps={steps} onDone={loaded.reload} />}</section>

      <section>
        <h3>{t('case.timeline')}</h3>
        {(c.timeline ?? []).length === 0 ? <p className="muted">{t('case.noTimeline')}</p> : (
          <ol className="timeline" data-testid="timeline">
            {(c.timeline ?? []).map((e, i) => (
              <li key={i}>
                <time>{formatTime(entryTime(e), lang)}</time>
                <span className="who">{actor(e.actor)}</span>
                <span>{e.action ? label('action', e.action) : ''}{e.from && e.to && e.from !== e.to ? ` (${label('state', e.from)} → ${label('state', e.to)})` : ''}</span>
                {timelineNote(e) && <q>{timelineNote(e)}</q>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

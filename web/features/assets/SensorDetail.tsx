import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-async';
import { useI18n, useLabel } from '../../i18n';
import { formatTime } from '../../ui/format';
import { href } from '../../ui/router';
import { HistoryChart } from './HistoryChart';
import { useServerText } from '../cases/server-text';

const RANGES = { '6h': 6, '1d': 24, '7d': 168, '30d': 720 } as const;
type RangeKey = keyof typeof RANGES;

/** One sensor: state, last value, its history from a month down to raw readings, its alarms. */
export function SensorDetail({ id, onClose }: { id: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { alarmMessage, sensorName } = useServerText();
  const sensor = useAsync(() => api.sensor(id), [id]);
  const alarms = useAsync(() => api.alarms({ sensor: id }), [id]);
  const [rangeKey, setRangeKey] = useState<RangeKey>('1d');
  const range = useMemo(() => { const to = Date.now(); return { from: to - RANGES[rangeKey] * 3_600_000, to }; }, [rangeKey]);
  const s = sensor.data;
  if (!s) return <div className="detail pad">{sensor.loading ? t('common.loading') : t('common.error', { message: sensor.error?.message ?? '' })}</div>;
  return (
    <article className="detail">
      <header className="detail-head">
        <button type="button" className="ghost" onClick={onClose}>← {t('common.back')}</button>
        <h2>{sensorName(s)}</h2>
        <span className={`state sensor-${s.status}`}>{label('sensor', s.status)}</span>
      </header>
      <dl className="facts">
        <dt>{t('sensor.quantity')}</dt><dd>{label('quantity', s.quantity)} ({s.unit})</dd>
        <dt>{t('case.asset')}</dt><dd><a href={href.asset(s.asset)}>{s.asset}</a></dd>
        <dt>{t('case.domain')}</dt><dd>{label('domain', s.domain)}</dd>
        <dt>{t('sensor.last')}</dt><dd>{s.last ? `${s.last.value} ${s.unit} · ${formatTime(s.last.ts, lang)}` : '—'}</dd>
      </dl>
      <section>
        <h3>{t('sensor.history')}</h3>
        <div className="segmented">
          {(Object.keys(RANGES) as RangeKey[]).map((k) => <button key={k} type="button" className={k === rangeKey ? 'on' : ''} onClick={() => setRangeKey(k)}>{t(`range.${k}`)}</button>)}
        </div>
        <HistoryChart sensor={s} from={range.from} to={range.to} alarms={alarms.data ?? []} height={260} />
      </section>
      <section>
        <h3>{t('case.alarms')}</h3>
        {(alarms.data ?? []).length === 0 ? <p className="muted">{alarms.missing ? t('common.unavailable') : t('case.noAlarms')}</p> : (
          <table className="table"><tbody>{alarms.data!.slice(0, 20).map((a) => (
            <tr key={a.id}><td><span className={`badge level-${a.level}`}>{label('level', a.level)}</span></td><td>{alarmMessage(a)}</td><td>{formatTime(a.raisedAt, lang)}</td><td>{a.clearedAt ? formatTime(a.clearedAt, lang) : t('alarm.active')}</td></tr>
          ))}</tbody></table>
        )}
      </section>
    </article>
  );
}

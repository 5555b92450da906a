import { useEffect, useMemo, useState } from 'react';
import type { AlignedData } from 'uplot';
import { api } from '../../api/client';
import type { Alarm, Sensor } from '../../api/types';
import { useI18n, useLabel } from '../../i18n';
import { Chart, type Span, type Threshold } from '../../ui/Chart';
import { thresholdsFor } from '../alarms/thresholds';
import { stepFor } from './history-step';
import { toMs } from '../cases/case-order';
import { useServerText } from '../cases/server-text';

export interface HistoryChartProps {
  sensor: Sensor;
  /** Initial range, epoch ms. */
  from: number;
  to: number;
  alarms?: Alarm[];
  height?: number;
}

/** A sensor's history: drag to zoom (raw readings when close, rollups when far), double-click to go back. */
export function HistoryChart({ sensor, from, to, alarms = [], height }: HistoryChartProps) {
  const { t } = useI18n();
  const label = useLabel();
  const { sensorName } = useServerText();
  const [range, setRange] = useState<[number, number]>([from, to]);
  const [data, setData] = useState<AlignedData>([[], []]);
  const [thresholds, setThresholds] = useState<Threshold[]>([]);
  const [empty, setEmpty] = useState(false);
  useEffect(() => setRange((r) => (r[0] === from && r[1] === to ? r : [from, to])), [from, to]);
  useEffect(() => { thresholdsFor(sensor).then(setThresholds, () => setThresholds([])); }, [sensor]);

  const step = stepFor(range[1] - range[0]);
  useEffect(() => {
    let alive = true;
    const [a, b] = range;
    const load = step
      ? api.rollups(sensor.id, a, b, step).then((rows): AlignedData => [rows.map((r) => Date.parse(r.ts) / 1000), rows.map((r) => r.avg), rows.map((r) => r.min), rows.map((r) => r.max)])
      : api.readings(sensor.id, a, b).then((rows): AlignedData => [rows.map((r) => Date.parse(r.ts) / 1000), rows.map((r) => r.value), rows.map(() => null), rows.map(() => null)]);
    load.then((d) => { if (alive) { setData(d); setEmpty(d[0].length === 0); } }, () => { if (alive) setEmpty(true); });
    return () => { alive = false; };
  }, [sensor.id, range, step]);

  const spans = useMemo<Span[]>(() => alarms.filter((a) => a.sensor === sensor.id).map((a) => ({
    from: toMs(a.raisedAt) / 1000,
    to: (a.clearedAt ? toMs(a.clearedAt) : Date.now()) / 1000,
    level: a.level,
  })), [alarms, sensor.id]);

  const xRange = useMemo<[number, number]>(() => [range[0] / 1000, range[1] / 1000], [range]);
  const series = useMemo(() => [
    { label: label('quantity', sensor.quantity), colour: '#5ab0ff', width: 1.6 },
    { label: t('chart.min'), colour: '#5ab0ff66', dash: [3, 3], width: 1 },
    { label: t('chart.max'), colour: '#5ab0ff66', dash: [3, 3], width: 1 },
  ], [label, t, sensor.quantity]);

  return (
    <div className="history">
      <div className="history-head">
        <span>{sensorName(sensor)}</span>
        <span className="muted">{t('sensor.resolution', { step: step ?? t('sensor.raw') })} · {t('sensor.zoomHint')}</span>
      </div>
      <Chart data={data} series={series} thresholds={thresholds} spans={spans} unit={sensor.unit} height={height} xRange={xRange}
        onZoom={(a, b) => setRange([a * 1000, b * 1000])} onReset={() => setRange([from, to])} />
      {empty && <div className="muted small">{t('sensor.noData')}</div>}
    </div>
  );
}

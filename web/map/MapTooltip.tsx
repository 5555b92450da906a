import { useEffect, useState } from 'react';
import { useCity } from '../api/city';
import { sensorDetails } from '../api/sensor-details';
import type { Sensor } from '../api/types';
import { useI18n, useLabel } from '../i18n';
import { liveValues } from './live-sensors';
import { useServerText } from '../features/cases/server-text';

export interface Hover { x: number; y: number; layer: string; properties: Record<string, unknown>; id: string | number | undefined; live?: Record<string, unknown> }

/** What is under the pointer: a case, a sensor with its last value, or an asset with its key attributes. */
export function MapTooltip({ hover }: { hover: Hover }) {
  const { sensors, assetsById } = useCity();
  const { lang, t } = useI18n();
  const label = useLabel();
  const { sensorName } = useServerText();
  const p = hover.properties;
  // A sensor's feature id is its index in the positions' columns.
  const sensorIndex = hover.layer === 'sensors' ? Number(hover.id) : -1;
  const sensorId = sensors.ids[sensorIndex];
  const details = useSensorDetails(sensorId);
  let title = '';
  const lines: string[] = [];
  if (hover.layer === 'cases') {
    title = String(p.label ?? p.id);
    lines.push(String(p.id));
  } else if (sensorId !== undefined) {
    title = details ? sensorName(details) : sensorId;
    lines.push(`${label('quantity', sensors.quantities[sensors.quantity[sensorIndex]!])} · ${sensorId}`);
    // The live value (SSE) beats the value loaded with the details.
    const value = liveValues.get(sensorId) ?? details?.last?.value;
    if (value !== undefined) lines.push(`${t('sensor.last')}: ${String(value)} ${details?.unit ?? ''}`);
    const level = Number(hover.live?.level ?? p.l ?? 0);
    if (level > 0) lines.push(label('level', `${level}.long`));
  } else {
    const a = assetsById.get(String(p.id ?? hover.id));
    const props = a?.properties ?? (p as Record<string, unknown>);
    title = String((lang === 'en' ? props.nameEn : undefined) ?? props.name ?? a?.id ?? hover.id);
    lines.push(`${label('domain', String(props.domain))} · ${label('kind', String(props.kind))}`);
    for (const key of ['material', 'diameterMm', 'installYear', 'floors', 'population']) {
      if (props[key] !== undefined) lines.push(`${label('attr', key)}: ${String(props[key])}`);
    }
  }
  return (
    <div className="map-tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <strong>{title}</strong>
      {lines.map((l) => <div key={l}>{l}</div>)}
    </div>
  );
}

function useSensorDetails(id: string | undefined): Sensor | null {
  const [sensor, setSensor] = useState<Sensor | null>(null);
  useEffect(() => {
    if (!id) { setSensor(null); return; }
    let alive = true;
    void sensorDetails(id).then((s) => { if (alive) setSensor(s); });
    return () => { alive = false; };
  }, [id]);
  return sensor?.id === id ? sensor : null;
}

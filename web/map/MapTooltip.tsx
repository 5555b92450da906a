import { useCity } from '../api/city';
import { useI18n, useLabel } from '../i18n';

export interface Hover { x: number; y: number; layer: string; properties: Record<string, unknown>; id: string | number | undefined; live?: Record<string, unknown> }

/** What is under the pointer: a case, a sensor with its last value, or an asset with its key attributes. */
export function MapTooltip({ hover }: { hover: Hover }) {
  const { sensorsById, assetsById } = useCity();
  const { lang, t } = useI18n();
  const label = useLabel();
  const p = hover.properties;
  let title = '';
  const lines: string[] = [];
  if (hover.layer === 'cases') {
    title = String(p.label ?? p.id);
    lines.push(String(p.id));
  } else if (hover.layer === 'sensors') {
    const s = sensorsById.get(String(p.id));
    title = s?.name ?? String(p.id);
    lines.push(`${label('quantity', s?.quantity)} · ${String(p.id)}`);
    // The live value (SSE, in feature-state) beats the value loaded with the page.
    const value = hover.live?.value ?? s?.last?.value;
    if (value !== undefined) lines.push(`${t('sensor.last')}: ${String(value)} ${s?.unit ?? ''}`);
    if (typeof hover.live?.level === 'number' && hover.live.level > 0) lines.push(label('level', `${hover.live.level}.long`));
  } else {
    const a = assetsById.get(String(hover.id ?? p.id));
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

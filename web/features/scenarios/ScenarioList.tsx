import type { ScenarioSummary } from '../../api/types';
import { useI18n, useLabel, type MessageKey } from '../../i18n';
import { useImpactText } from '../cases/impact-text';
import { formatNumber, formatTime } from '../../ui/format';

/** The saved scenarios, newest first: open one, or tick two to compare. */
export function ScenarioList({ items, loading, current, compare, onOpen, onCompare }: {
  items: ScenarioSummary[]; loading: boolean; current: string | null; compare: string[]; onOpen(id: string): void; onCompare(id: string): void;
}) {
  const { t, lang } = useI18n();
  if (loading && items.length === 0) return <p className="muted">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('scn.none')}</p>;
  return (
    <ul className="scn-list" data-testid="scn-list">
      {items.map((s) => (
        <li key={s.id} className={current === s.id ? 'selected' : ''} data-testid="scn-item" data-scenario-id={s.id}>
          <input type="checkbox" checked={compare.includes(s.id)} onChange={() => onCompare(s.id)} title={t('scn.compare')} data-testid="scn-compare" />
          <button type="button" className="link scn-open" onClick={() => onOpen(s.id)}>
            <b>{s.name ?? t(`scn.kind.${s.kind}` as MessageKey)}</b>
            <span className="muted small">{t(`scn.kind.${s.kind}` as MessageKey)} · {formatTime(s.createdAt, lang)} · {s.createdBy}</span>
            <span className="small">{t('scn.figures', { assets: formatNumber(s.affected.assets, lang), population: formatNumber(s.affected.population, lang), facilities: formatNumber(s.affected.facilities, lang) })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Two scenarios side by side: their summary figures and what was asked. */
export function ScenarioCompare({ items }: { items: ScenarioSummary[] }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const impactText = useImpactText();
  if (items.length < 2) return null;
  const row = (key: MessageKey, value: (s: ScenarioSummary) => string | number, numeric = false) => {
    const values = items.map(value);
    const [a, b] = values as [string | number, string | number];
    return (
      <tr>
        <th>{t(key)}</th>
        {values.map((v, i) => <td key={i} className={numeric && a !== b && v === (Number(a) > Number(b) ? a : b) ? 'worse' : ''}>{typeof v === 'number' ? formatNumber(v, lang) : v}</td>)}
      </tr>
    );
  };
  return (
    <table className="table compare" data-testid="scn-compare-table">
      <caption>{t('scn.compareTitle')}</caption>
      <thead><tr><th />{items.map((s) => <th key={s.id} title={s.id}>{s.name ?? t(`scn.kind.${s.kind}` as MessageKey)}</th>)}</tr></thead>
      <tbody>
        {row('scn.kindLabel', (s) => t(`scn.kind.${s.kind}` as MessageKey))}
        {row('scn.params', (s) => Object.entries(s.params).map(([k, v]) => `${label('scn.param', k)} ${Array.isArray(v) ? v.join(',') : String(v)}`).join(lang === 'en' ? '; ' : '；'))}
        {row('scn.affectedAssets', (s) => s.affected.assets, true)}
        {row('scn.population', (s) => s.affected.population, true)}
        {row('scn.facilities', (s) => s.affected.facilities, true)}
        {row('scn.created', (s) => formatTime(s.createdAt, lang))}
        <tr><th>{t('scn.summary')}</th>{items.map((s) => <td key={s.id} className="small">{impactText.summary(s)}{lang === 'en' && <div className="muted">{s.summary}</div>}</td>)}</tr>
      </tbody>
    </table>
  );
}

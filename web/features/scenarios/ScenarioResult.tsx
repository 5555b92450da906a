import type { Scenario } from '../../api/types';
import { useI18n, useLabel, type MessageKey } from '../../i18n';
import { formatNumber, formatTime } from '../../ui/format';
import { href } from '../../ui/router';
import { FALLBACK_HEX, SCENARIO_LAYER_HEX } from './scenario-layers';
import { useImpactText } from '../cases/impact-text';

const SHOWN = 40;

/** A scenario's result: summary, figures, its map layers (toggles), facilities, affected assets and actions. */
export function ScenarioResult({ scenario: s, hidden, onToggle, onClear }: { scenario: Scenario; hidden: Set<string>; onToggle(layer: string): void; onClear(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const impactText = useImpactText();
  const layerLabel = (name: string) => { const key = `scn.layer.${name}` as MessageKey; const text = t(key); return text === key ? name : text; };
  return (
    <section className="scn-result" data-testid="scn-result" data-scenario-id={s.id}>
      <div className="panel-head flat">
        <h2>{s.name ?? t(`scn.kind.${s.kind}` as MessageKey)}</h2>
        <button type="button" className="ghost" onClick={onClear}>{t('common.close')}</button>
      </div>
      <p className="small"><span className="ok">{t('scn.savedAs', { id: s.id })}</span> <span className="muted">· {formatTime(s.createdAt, lang)} · {s.createdBy}</span></p>
      <p className="summary" data-testid="scn-summary">{impactText.summary(s)}</p>
      {/* The model's own paragraph is English: the detail for English readers. */}
      {lang === 'en' && <p className="muted small">{s.summary}</p>}
      <div className="stats small-stats scn-figures">
        <div><b data-testid="scn-assets">{formatNumber(s.affected.assets.length, lang)}</b><span>{t('scn.affectedAssets')}</span></div>
        <div><b>{formatNumber(s.affected.population, lang)}</b><span>{t('scn.population')}</span></div>
        <div><b>{formatNumber(s.affected.facilities.length, lang)}</b><span>{t('scn.facilities')}</span></div>
      </div>
      <h3>{t('scn.layers')}</h3>
      <div className="legend-list scn-layers">
        {Object.entries(s.layers ?? {}).map(([name, fc]) => (
          <label key={name} className="toggle">
            <input type="checkbox" checked={!hidden.has(name)} onChange={() => onToggle(name)} data-scn-layer={name} />
            <i style={{ background: SCENARIO_LAYER_HEX[name] ?? FALLBACK_HEX }} />{layerLabel(name)} <span className="muted">({fc?.features?.length ?? 0})</span>
          </label>
        ))}
      </div>
      {s.affected.facilities.length > 0 && <>
        <h3>{t('scn.facilities')}</h3>
        <table className="table"><tbody>
          {s.affected.facilities.map((f) => (
            <tr key={`${f.id}-${f.effect}`}><td>{f.name ?? f.id}</td><td>{label('facility', f.facility ?? '')}</td><td>{label('effect', f.effect)}</td><td>{f.atMin !== undefined ? t('scn.atMin', { n: f.atMin }) : ''}</td></tr>
          ))}
        </tbody></table>
      </>}
      <h3>{t('scn.actions')}</h3>
      <ol className="scn-actions">
        {s.actions.map((a) => (
          <li key={a.order}>
            <span className="muted small">{a.atMin !== undefined ? `T+${a.atMin}′ ` : ''}{a.by ? label('by', a.by) : ''}</span>
            <div><b>{impactText.action(a).title}</b>{impactText.action(a).targets && <span className="muted small"> · {impactText.action(a).targets}</span>}</div>
            {lang === 'en' && <div className="muted small">{a.text.length > 400 ? `${a.text.slice(0, 400)}…` : a.text}</div>}
          </li>
        ))}
      </ol>
      <h3>{t('scn.affectedAssets')} <span className="muted small">{s.affected.assets.length > SHOWN ? t('scn.firstN', { n: SHOWN, total: s.affected.assets.length }) : ''}</span></h3>
      <table className="table" data-testid="scn-assets-table">
        <thead><tr><th>{t('scn.asset')}</th><th>{t('asset.kind')}</th><th>{t('scn.effect')}</th><th>{t('scn.when')}</th></tr></thead>
        <tbody>
          {s.affected.assets.slice(0, SHOWN).map((a) => (
            <tr key={`${a.id}-${a.effect}`}>
              <td><a href={href.asset(a.id)}>{a.name ?? a.id}</a></td>
              <td>{label('domain', a.domain ?? '')} · {label('kind', a.kind ?? '')}</td>
              <td>{label('effect', a.effect)}</td>
              <td>{a.atMin !== undefined ? t('scn.atMin', { n: a.atMin }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { api } from '../../api/client';
import { useCity } from '../../api/city';
import type { RiskFactor, RiskZoneProps } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { useI18n, useLabel, type MessageKey } from '../../i18n';
import { LEVEL_HEX } from '../../ui/colours';
import { formatNumber } from '../../ui/format';
import { href } from '../../ui/router';
import { useRiskNote } from './risk-note';

/** A factor 0–1 as a bar, with its weight and the server's note. */
function FactorRows({ rows }: { rows: RiskFactor[] }) {
  const { t, lang } = useI18n();
  const note = useRiskNote();
  return (
    <table className="table factors" data-testid="risk-factors">
      <thead><tr><th>{t('risk.factor')}</th><th>{t('risk.value')}</th><th>{t('risk.weight')}</th></tr></thead>
      <tbody>
        {rows.map((f) => (
          <tr key={f.factor}>
            <td><div>{t(`risk.f.${f.factor}` as MessageKey)}</div>{f.note && <div className="muted small">{note(f.note)}</div>}</td>
            <td className="fcell"><span className="fbar"><i style={{ width: `${Math.round(Math.min(1, Math.max(0, f.value)) * 100)}%`, background: f.value >= 0.67 ? LEVEL_HEX[2] : f.value >= 0.34 ? LEVEL_HEX[3] : LEVEL_HEX[4] }} /></span>{formatNumber(f.value, lang, 2)}</td>
            <td>{formatNumber(f.weight, lang, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LevelBadge({ level }: { level: number }) {
  const { t } = useI18n();
  return <span className={`badge level-${level}`}>{t(`risk.level.${level}` as MessageKey)}</span>;
}

/** One asset's risk: L × C, each factor, the boost from open cases and alarms. */
export function AssetRiskPanel({ id, onClose }: { id: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { assetsById } = useCity();
  const risk = useAsync(() => api.assetRisk(id), [id]);
  const r = risk.data;
  const a = assetsById.get(id);
  const name = String((lang === 'en' ? a?.properties.nameEn : undefined) ?? r?.name ?? a?.properties.name ?? id);
  return (
    <article className="detail" data-testid="asset-risk">
      <header className="detail-head">
        <button type="button" className="ghost" onClick={onClose}>← {t('common.back')}</button>
        <h2>{name}</h2>
        <a className="muted" href={href.asset(id)}>{id}</a>
      </header>
      {!r ? <p className="muted">{risk.loading ? t('common.loading') : t('common.error', { message: risk.error?.message ?? '' })}</p> : (
        <>
          <div className="risk-score">
            <LevelBadge level={r.level} />
            <b>R {formatNumber(r.risk, lang, 1)}</b>
            <span className="muted">= L {formatNumber(r.likelihood, lang, 2)}{r.dynamic.boost > 0 ? ` + ${formatNumber(r.dynamic.boost, lang, 1)}` : ''} × C {formatNumber(r.consequence, lang, 2)}</span>
          </div>
          <p className="muted small">{label('domain', r.domain)} · {label('kind', r.kind)}</p>
          <h3>{t('risk.likelihood')} L</h3>
          <FactorRows rows={r.factors.likelihood} />
          <h3>{t('risk.consequence')} C</h3>
          <FactorRows rows={r.factors.consequence} />
          <h3>{t('risk.dynamic')}</h3>
          {r.dynamic.boost > 0 || r.dynamic.openCases.length > 0 || r.dynamic.activeAlarms > 0 ? (
            <p>
              {t('risk.boost', { n: formatNumber(r.dynamic.boost, lang, 1), alarms: r.dynamic.activeAlarms })}
              {r.dynamic.openCases.map((c) => <a key={c} href={href.case(c)} className="case-link">{c}</a>)}
            </p>
          ) : <p className="muted">{t('risk.noBoost')}</p>}
        </>
      )}
    </article>
  );
}

/** A zone: its worst asset, the count of assets per level and the mean factors of its assets. */
export function ZonePanel({ zone, onAsset, onClose }: { zone: RiskZoneProps & { id: string }; onAsset(id: string): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const rows = (o: Record<string, number>): RiskFactor[] => Object.entries(o).map(([factor, value]) => ({ factor, value, weight: NaN }));
  return (
    <article className="detail" data-testid="zone-risk">
      <header className="detail-head">
        <button type="button" className="ghost" onClick={onClose}>← {t('common.back')}</button>
        <h2>{zone.name ?? t('risk.cell')}</h2>
        <span className="muted small">{zone.kind === 'h3' ? zone.id : ''}</span>
      </header>
      <div className="risk-score"><LevelBadge level={zone.level} /><b>R {formatNumber(zone.risk, lang, 1)}</b><span className="muted">{t('risk.zoneRule')}</span></div>
      <dl className="facts">
        <dt>{t('risk.assets')}</dt><dd>{formatNumber(zone.assets, lang)}</dd>
        <dt>{t('risk.byLevel')}</dt>
        <dd className="level-counts">{[1, 2, 3, 4].map((l) => <span key={l}><i style={{ background: LEVEL_HEX[l] }} />{formatNumber(zone.levels[String(l)] ?? 0, lang)}</span>)}</dd>
        <dt>{t('risk.openCases')}</dt><dd>{zone.openCases}</dd>
        {zone.worst && <><dt>{t('risk.worst')}</dt><dd><button type="button" className="link" data-testid="worst-asset" onClick={() => onAsset(zone.worst!.id)}>{zone.worst.name ?? zone.worst.id}</button> <span className="muted small">{label('domain', zone.worst.domain)} · R {formatNumber(zone.worst.risk, lang, 1)}</span></dd></>}
      </dl>
      <h3>{t('risk.likelihood')} — {t('risk.meanFactors')}</h3>
      <MeanRows rows={rows(zone.factors.likelihood)} />
      <h3>{t('risk.consequence')} — {t('risk.meanFactors')}</h3>
      <MeanRows rows={rows(zone.factors.consequence)} />
    </article>
  );
}

function MeanRows({ rows }: { rows: RiskFactor[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="table factors">
      <tbody>
        {rows.map((f) => (
          <tr key={f.factor}>
            <td>{t(`risk.f.${f.factor}` as MessageKey)}</td>
            <td className="fcell"><span className="fbar"><i style={{ width: `${Math.round(Math.min(1, Math.max(0, f.value)) * 100)}%`, background: f.value >= 0.67 ? LEVEL_HEX[2] : f.value >= 0.34 ? LEVEL_HEX[3] : LEVEL_HEX[4] }} /></span>{formatNumber(f.value, lang, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

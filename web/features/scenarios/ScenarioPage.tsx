import { useEffect, useState } from 'react';
import type { Map as MapLibre } from 'maplibre-gl';
import { api } from '../../api/client';
import { useCity } from '../../api/city';
import type { Scenario, ScenarioKind } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { useI18n, useLabel, type MessageKey } from '../../i18n';
import { BaseMap } from '../../map/BaseMap';
import { ScenarioCompare, ScenarioList } from './ScenarioList';
import { ScenarioResult } from './ScenarioResult';
import { addPickLayers, drawPick, drawScenario, scenarioBounds, setScenarioLayerVisible } from './scenario-layers';

export const KINDS: ScenarioKind[] = ['water-burst', 'gas-leak', 'rainstorm', 'outage'];
const STATIONS = new Set(['substation', 'regulator_station', 'pump_station', 'tank', 'reservoir', 'facility']);
type Pick = { asset?: string; point?: [number, number]; label: string } | null;

/** 情景模拟: build a scenario on the map, run it, see its layers and impacts; saved runs side by side. */
export function ScenarioPage() {
  const { t } = useI18n();
  const label = useLabel();
  const { assetsById } = useCity();
  const [map, setMap] = useState<MapLibre | null>(null);
  const [kind, setKind] = useState<ScenarioKind>('water-burst');
  const [pick, setPick] = useState<Pick>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [openingMm, setOpeningMm] = useState('');
  const [holeMm, setHoleMm] = useState('50');
  const [returnPeriod, setReturnPeriod] = useState('50');
  const [duration, setDuration] = useState('120');
  const [horizon, setHorizon] = useState('72');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Scenario | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [tab, setTab] = useState<'build' | 'saved'>('build');
  const [compare, setCompare] = useState<string[]>([]);
  const saved = useAsync(() => api.scenarios(), []);

  useEffect(() => {
    if (!map) return;
    drawScenario(map, result, hidden);
    const b = result && scenarioBounds(result);
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 16, duration: 600 });
    // Toggles change visibility only, not the drawing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, result]);

  const choose = (k: ScenarioKind) => { setKind(k); setPick(null); setHint(null); if (map) drawPick(map, null); };

  const onClick = (e: { lngLat: { lng: number; lat: number } }, under: Array<{ properties: unknown }>, m: MapLibre) => {
    const found = under.map((f) => assetsById.get(String((f.properties as Record<string, unknown>).id))).filter((x) => !!x);
    // Pipes of several lifelines run side by side: prefer what this kind of scenario needs.
    const a = kind === 'water-burst' ? found.find((x) => x.properties.domain === 'water' && x.properties.kind === 'pipe')
      // A gas leak is on a gas asset, else at the point clicked (whatever else lies there).
      : kind === 'gas-leak' ? found.find((x) => x.properties.domain === 'gas')
        : found.find((x) => STATIONS.has(x.properties.kind)) ?? found[0];
    const nameOf = (x: typeof a) => String(x?.properties.name ?? x?.id ?? '');
    setHint(null);
    if (kind === 'rainstorm') return;
    if (kind === 'water-burst') {
      if (!a || a.properties.domain !== 'water' || a.properties.kind !== 'pipe') { setHint(t('scn.pickWaterPipe')); return; }
      setPick({ asset: a.id, label: `${a.id} · ${nameOf(a)}` });
      drawPick(m, a as never);
    } else if (kind === 'gas-leak') {
      if (a) { setPick({ asset: a.id, label: `${a.id} · ${nameOf(a)}` }); drawPick(m, a as never); return; }
      const point: [number, number] = [Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))];
      setPick({ point, label: `${point[0]}, ${point[1]}` });
      drawPick(m, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } });
    } else {
      if (!a) { setHint(t('scn.pickAsset')); return; }
      if (!STATIONS.has(a.properties.kind)) setHint(t('scn.notStation', { kind: label('kind', a.properties.kind) }));
      setPick({ asset: a.id, label: `${a.id} · ${nameOf(a)}` });
      drawPick(m, a as never);
    }
  };

  const params = (): Record<string, unknown> | null => {
    const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
    switch (kind) {
      case 'water-burst': return pick?.asset ? { pipe: pick.asset, ...(num(openingMm) !== undefined ? { openingMm: num(openingMm) } : {}) } : null;
      case 'gas-leak': return pick ? { ...(pick.asset ? { asset: pick.asset } : { point: pick.point }), holeMm: num(holeMm) } : null;
      case 'rainstorm': return { returnPeriodYears: num(returnPeriod), durationMin: num(duration) };
      case 'outage': return pick?.asset ? { asset: pick.asset, ...(num(horizon) !== undefined ? { horizonH: num(horizon) } : {}) } : null;
    }
  };

  const run = () => {
    const p = params();
    if (!p) return;
    setBusy(true); setError(null);
    api.runScenario({ kind, params: p, ...(name.trim() ? { name: name.trim() } : {}) })
      .then((s) => { setHidden(new Set()); setResult(s); saved.reload(); }, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  const open = (id: string) => {
    setError(null);
    api.scenario(id).then((s) => {
      // The form shows what was asked, so the run can be varied and run again.
      setKind(s.kind); setHint(null);
      const asset = typeof s.params.pipe === 'string' ? s.params.pipe : typeof s.params.asset === 'string' ? s.params.asset : undefined;
      const point = Array.isArray(s.params.point) ? s.params.point as [number, number] : undefined;
      const a = asset ? assetsById.get(asset) : undefined;
      setPick(asset ? { asset, label: `${asset}${a?.properties.name ? ` · ${String(a.properties.name)}` : ''}` } : point ? { point, label: point.join(', ') } : null);
      if (map) drawPick(map, a ? a as never : point ? { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } } : null);
      if (typeof s.params.holeMm === 'number') setHoleMm(String(s.params.holeMm));
      if (typeof s.params.returnPeriodYears === 'number') setReturnPeriod(String(s.params.returnPeriodYears));
      if (typeof s.params.durationMin === 'number') setDuration(String(s.params.durationMin));
      setHidden(new Set()); setResult(s); setTab('build');
    }, (e: Error) => setError(e.message));
  };
  const toggleLayer = (layer: string) => setHidden((h) => {
    const next = new Set(h);
    if (next.has(layer)) next.delete(layer); else next.add(layer);
    if (map) setScenarioLayerVisible(map, layer, !next.has(layer));
    return next;
  });

  const needsPick = kind !== 'rainstorm';
  return (
    <div className="scenario-page" data-testid="scenario-page">
      <BaseMap onReady={(m) => { addPickLayers(m); setMap(m); }} onClick={onClick}
        assetGroups={['pipes', 'stations', 'facilities', 'bridges']}>
        {needsPick && (!pick || hint) && <div className="map-hint" data-testid="pick-hint">{hint ?? t(`scn.hint.${kind}` as MessageKey)}</div>}
      </BaseMap>
      <aside className="side-panel">
        <div className="tabs">
          <button type="button" className={tab === 'build' ? 'on' : ''} onClick={() => setTab('build')}>{t('scn.build')}</button>
          <button type="button" className={tab === 'saved' ? 'on' : ''} onClick={() => setTab('saved')} data-testid="tab-saved">{t('scn.saved', { n: saved.data?.length ?? 0 })}</button>
        </div>
        {tab === 'build' && (
          <div className="detail">
            <div className="segmented kinds">
              {KINDS.map((k) => <button key={k} type="button" className={k === kind ? 'on' : ''} onClick={() => choose(k)} data-kind={k}>{t(`scn.kind.${k}` as MessageKey)}</button>)}
            </div>
            <form className="scn-form" onSubmit={(e) => { e.preventDefault(); run(); }}>
              {needsPick && (
                <div className="field wide"><span>{t(kind === 'water-burst' ? 'scn.pipe' : kind === 'gas-leak' ? 'scn.where' : 'scn.asset')}</span>
                  <b data-testid="scn-pick">{pick?.label ?? <span className="muted">{t('scn.clickMap')}</span>}</b></div>
              )}
              {kind === 'water-burst' && <label className="field">{t('scn.openingMm')}<input type="number" min={1} max={5000} value={openingMm} placeholder={t('scn.fullBore')} onChange={(e) => setOpeningMm(e.target.value)} /></label>}
              {kind === 'gas-leak' && <label className="field">{t('scn.holeMm')}<input type="number" min={0.1} max={2000} step="any" value={holeMm} onChange={(e) => setHoleMm(e.target.value)} data-testid="hole-mm" /></label>}
              {kind === 'rainstorm' && <>
                <label className="field">{t('scn.returnPeriod')}
                  <select value={returnPeriod} onChange={(e) => setReturnPeriod(e.target.value)} data-testid="return-period">
                    {['1', '2', '3', '5', '10', '20', '30', '50', '100'].map((y) => <option key={y} value={y}>{t('scn.years', { n: y })}</option>)}
                  </select></label>
                <label className="field">{t('scn.duration')}
                  <select value={duration} onChange={(e) => setDuration(e.target.value)}>
                    {['60', '120', '180', '360', '720', '1440'].map((m) => <option key={m} value={m}>{t('scn.minutes', { n: m })}</option>)}
                  </select></label>
              </>}
              {kind === 'outage' && <label className="field">{t('scn.horizon')}<input type="number" min={1} max={720} value={horizon} onChange={(e) => setHorizon(e.target.value)} /></label>}
              <label className="field wide">{t('scn.name')}<input value={name} maxLength={80} placeholder={t('scn.namePlaceholder')} onChange={(e) => setName(e.target.value)} /></label>
              <button type="submit" className="primary" disabled={busy || !params()} data-testid="scn-run">{busy ? t('scn.running') : t('scn.run')}</button>
            </form>
            {error && <p className="error">{t('common.error', { message: error })}</p>}
            {result ? <ScenarioResult scenario={result} hidden={hidden} onToggle={toggleLayer} onClear={() => setResult(null)} />
              : <p className="muted">{t('scn.intro')}</p>}
          </div>
        )}
        {tab === 'saved' && (
          <div className="detail">
            {compare.length === 2 && saved.data && <ScenarioCompare items={compare.map((id) => saved.data!.find((s) => s.id === id)).filter((s) => !!s)} />}
            {compare.length < 2 && <p className="muted small">{t('scn.compareHint')}</p>}
            <ScenarioList items={saved.data ?? []} loading={saved.loading} current={result?.id ?? null} compare={compare}
              onOpen={open} onCompare={(id) => setCompare((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-2)))} />
          </div>
        )}
      </aside>
    </div>
  );
}

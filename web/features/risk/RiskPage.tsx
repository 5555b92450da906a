import { useEffect, useMemo, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibre } from 'maplibre-gl';
import { api } from '../../api/client';
import { useCity } from '../../api/city';
import type { RiskZoneProps } from '../../api/types';
import { useAsync } from '../../api/use-async';
import { useI18n, type MessageKey } from '../../i18n';
import { BaseMap } from '../../map/BaseMap';
import { boundsOf } from '../../map/city-bounds';
import { assetAnchor } from '../../map/asset-anchor';
import { LEVEL_HEX } from '../../ui/colours';
import { formatNumber, formatTime } from '../../ui/format';
import { RenewalTable } from './RenewalTable';
import { AssetRiskPanel, ZonePanel } from './RiskFactors';

type Selection = { type: 'zone'; zone: RiskZoneProps & { id: string } } | { type: 'asset'; id: string } | null;
const RESOLUTIONS = [7, 8, 9, 10];
const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const levelColour = ['match', ['to-number', ['get', 'level']], 1, LEVEL_HEX[1]!, 2, LEVEL_HEX[2]!, 3, LEVEL_HEX[3]!, LEVEL_HEX[4]!] as never;

/** 风险一张图: the four-colour zones (H3 or districts), the factors of a zone or an asset, and the renewal list. */
export function RiskPage() {
  const { t, lang } = useI18n();
  const { assetsById } = useCity();
  const [by, setBy] = useState<'h3' | 'district'>('h3');
  const [res, setRes] = useState(9);
  const [map, setMap] = useState<MapLibre | null>(null);
  const [sel, setSel] = useState<Selection>(null);
  const zones = useAsync(() => api.riskZones(by, res), [by, res]);
  const framed = useRef(false);

  useEffect(() => {
    if (!map || !zones.data) return;
    // Ids into the properties: MapLibre keeps only numeric feature ids, and H3 cells are hex text.
    const features = zones.data.features.map((f) => ({ ...f, properties: { ...f.properties, zid: String(f.id) } }));
    (map.getSource('risk-zones') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features } as never);
    // Districts share edges with zones of the same colour: draw their borders light so each stands apart.
    const district = zones.data.kind === 'district';
    map.setPaintProperty('risk-line', 'line-color', district ? '#e3ebf4' : levelColour);
    map.setPaintProperty('risk-line', 'line-width', district ? 1.5 : 1);
    // The first zones frame the map (cells reach past the districts' edge).
    if (!framed.current) {
      framed.current = true;
      const b = boundsOf({ features: zones.data.features as never });
      if (b) map.fitBounds(b, { padding: { top: 20, bottom: 20, left: 220, right: 20 }, animate: false });
    }
  }, [map, zones.data]);

  const selectedId = sel?.type === 'zone' ? sel.zone.id : sel?.type === 'asset' ? sel.id : null;
  useEffect(() => {
    if (!map) return;
    map.setFilter('risk-selected', ['==', ['get', 'zid'], sel?.type === 'zone' ? sel.zone.id : '']);
    const a = sel?.type === 'asset' ? assetsById.get(sel.id) : undefined;
    (map.getSource('risk-pick') as GeoJSONSource | undefined)?.setData(a ? { type: 'FeatureCollection', features: [a as never] } : EMPTY);
    const at = a ? assetAnchor(a.geometry) : null;
    if (at && !map.getBounds().contains(at)) map.flyTo({ center: at, zoom: Math.max(map.getZoom(), 15), duration: 600 });
  }, [map, sel, assetsById]);

  const counts = useMemo(() => {
    const c = [0, 0, 0, 0, 0];
    for (const f of zones.data?.features ?? []) c[f.properties.level] = (c[f.properties.level] ?? 0) + 1;
    return c;
  }, [zones.data]);

  const onReady = (m: MapLibre) => {
    m.addSource('risk-zones', { type: 'geojson', data: EMPTY });
    m.addLayer({ id: 'risk-fill', type: 'fill', source: 'risk-zones', paint: { 'fill-color': levelColour, 'fill-opacity': 0.5 } }, 'assets-buildings');
    m.addLayer({ id: 'risk-line', type: 'line', source: 'risk-zones', paint: { 'line-color': levelColour, 'line-width': 1, 'line-opacity': 0.9 } }, 'assets-buildings');
    m.addLayer({ id: 'risk-selected', type: 'line', source: 'risk-zones', filter: ['==', ['get', 'zid'], ''], paint: { 'line-color': '#ffffff', 'line-width': 3 } });
    // Assets stay clickable over the zones but quieter than on the situation map.
    m.setPaintProperty('assets-pipes', 'line-opacity', 0.5);
    m.addSource('risk-pick', { type: 'geojson', data: EMPTY });
    m.addLayer({ id: 'risk-pick-line', type: 'line', source: 'risk-pick', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.9 } });
    m.addLayer({ id: 'risk-pick-point', type: 'circle', source: 'risk-pick', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } });
    setMap(m);
  };

  return (
    <div className="risk-page" data-testid="risk-page">
      <div className="risk-map">
        <BaseMap onReady={onReady} assetGroups={['pipes', 'stations', 'bridges', 'facilities']} hoverLayers={['risk-fill']}
          hoverText={(f) => {
            const p = f.properties as Record<string, unknown>;
            return { title: String(p.name && p.name !== 'null' ? p.name : t('risk.cell')), lines: [`${t(`risk.level.${String(p.level)}` as MessageKey)} · R ${String(p.risk)}`, t('risk.assetsN', { n: String(p.assets) })] };
          }}
          onClick={(e, assets, m) => {
            const asset = assets[0];
            if (asset) { setSel({ type: 'asset', id: String((asset.properties as Record<string, unknown>).id ?? asset.id) }); return; }
            const z = m.queryRenderedFeatures(e.point, { layers: ['risk-fill'] })[0];
            const feature = z && zones.data?.features.find((f) => String(f.id) === String((z.properties as Record<string, unknown>).zid));
            setSel(feature ? { type: 'zone', zone: { ...feature.properties, id: String(feature.id) } } : null);
          }}>
          <div className="map-legend risk-legend" data-testid="risk-legend">
            <div className="segmented">
              <button type="button" className={by === 'h3' ? 'on' : ''} onClick={() => setBy('h3')} data-testid="by-h3">{t('risk.byH3')}</button>
              <button type="button" className={by === 'district' ? 'on' : ''} onClick={() => setBy('district')} data-testid="by-district">{t('risk.byDistrict')}</button>
            </div>
            {by === 'h3' && (
              <label className="filter-inline">{t('risk.resolution')}
                <select value={res} onChange={(e) => setRes(Number(e.target.value))} data-testid="risk-res">
                  {RESOLUTIONS.map((r) => <option key={r} value={r}>{t(`risk.res.${r}` as MessageKey)}</option>)}
                </select>
              </label>
            )}
            <div className="legend-list column">
              {[1, 2, 3, 4].map((l) => <span key={l}><i className="sq" style={{ background: LEVEL_HEX[l] }} />{t(`risk.level.${l}` as MessageKey)} <b>{counts[l]}</b></span>)}
            </div>
            <div className="muted small">{zones.loading ? t('common.loading') : zones.error ? t('common.error', { message: zones.error.message }) : t('risk.zonesAt', { n: zones.data?.features.length ?? 0, at: formatTime(zones.data?.at, lang) })}</div>
          </div>
        </BaseMap>
      </div>
      <aside className="side-panel risk-side">
        {sel?.type === 'asset' && <AssetRiskPanel id={sel.id} onClose={() => setSel(null)} />}
        {sel?.type === 'zone' && <ZonePanel zone={sel.zone} onAsset={(id) => setSel({ type: 'asset', id })} onClose={() => setSel(null)} />}
        {!sel && (
          <div className="detail">
            <header className="detail-head"><h2>{t('nav.risk')}</h2></header>
            <p className="muted">{t('risk.pickHint')}</p>
            <h3>{t('risk.method')}</h3>
            <p className="small">{t('risk.methodText')}</p>
            <table className="table">
              <tbody>{[1, 2, 3, 4].map((l) => (
                <tr key={l}><td><i className="sq" style={{ background: LEVEL_HEX[l] }} /> {t(`risk.level.${l}` as MessageKey)}</td><td>{t(`risk.range.${l}` as MessageKey)}</td><td>{formatNumber(counts[l], lang)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        )}
      </aside>
      <RenewalTable selected={selectedId} onPick={(id) => setSel({ type: 'asset', id })} />
    </div>
  );
}

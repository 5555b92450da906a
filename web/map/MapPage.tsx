import { useMemo, useState } from 'react';
import { useCity } from '../api/city';
import { CaseDetail } from '../features/cases/CaseDetail';
import { CaseList } from '../features/cases/CaseList';
import { caseAnchor } from './case-layer';
import { isActive } from '../features/cases/case-order';
import { useCases } from '../features/cases/cases-store';
import { NewCaseToast } from '../features/cases/NewCaseToast';
import { AssetDetail } from '../features/assets/AssetDetail';
import { SensorDetail } from '../features/assets/SensorDetail';
import { go, href, type Route } from '../ui/router';
import { DEFAULT_VISIBLE, type LayerGroup, type PipeColouring } from './asset-layers';
import { CityMap } from './CityMap';
import { LayerPanel } from './LayerPanel';
import { assetAnchor } from './asset-anchor';

/** The situation map with the live list beside it; a case, sensor or asset opens in the side panel. */
export function MapPage({ route }: { route: Route }) {
  const { cases } = useCases();
  const { assetsById, sensors, sensorIndex } = useCity();
  const [visible, setVisible] = useState<Record<LayerGroup, boolean>>(DEFAULT_VISIBLE);
  const [pipeColouring, setPipeColouring] = useState<PipeColouring>('domain');
  const [unavailable, setUnavailable] = useState<LayerGroup[]>([]);
  const active = useMemo(() => cases.filter(isActive), [cases]);
  const focus = useMemo<[number, number] | null>(() => {
    if (route.page === 'case') { const c = cases.find((x) => x.id === route.id); return c ? caseAnchor(c, assetsById) : null; }
    if (route.page === 'sensor') { const i = sensorIndex.get(route.id); return i === undefined ? null : [sensors.lon[i]!, sensors.lat[i]!]; }
    if (route.page === 'asset') return assetAnchor(assetsById.get(route.id)?.geometry);
    return null;
    // Only a new route moves the map, not each live update of the case.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route, assetsById, sensorIndex, cases.length > 0]);
  const back = () => go(href.map());
  const wide = route.page !== 'map';
  return (
    <div className={`map-page${wide ? ' wide' : ''}`}>
      <CityMap visible={visible} pipeColouring={pipeColouring} cases={active} focus={focus}
        onPick={(kind, id) => go(kind === 'case' ? href.case(id) : kind === 'sensor' ? href.sensor(id) : href.asset(id))}
        onUnavailable={(g) => { setUnavailable((u) => (u.includes(g) ? u : [...u, g])); setVisible((v) => ({ ...v, [g]: false })); }} />
      <LayerPanel visible={visible} onToggle={(g) => setVisible((v) => ({ ...v, [g]: !v[g] }))} pipeColouring={pipeColouring} onPipeColouring={setPipeColouring} unavailable={unavailable} />
      <NewCaseToast />
      <div className="side-panel">
        {route.page === 'map' && <CaseList />}
        {route.page === 'case' && <CaseDetail id={route.id} onClose={back} />}
        {route.page === 'sensor' && <SensorDetail id={route.id} onClose={back} />}
        {route.page === 'asset' && <AssetDetail id={route.id} onClose={back} />}
      </div>
    </div>
  );
}

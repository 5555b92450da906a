import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './client';
import type { AssetFeature, Basemap, Department, SensorPositions } from './types';

/** The city as loaded once per session: basemap, assets, where each sensor is, departments. */
export interface City {
  basemap: Basemap | null;
  assets: AssetFeature[];
  assetsById: Map<string, AssetFeature>;
  /** Every sensor's position, status and level as columns (50,000 sensors stay light); details come per sensor from /sensors/:id. */
  sensors: SensorPositions;
  /** sensor id → its index in `sensors` (also its feature id on the map). */
  sensorIndex: Map<string, number>;
  departments: Department[];
  loaded: boolean;
  error: string | null;
}

const NO_SENSORS: SensorPositions = { count: 0, ids: [], lon: [], lat: [], status: [], level: [], domain: [], quantity: [], statuses: [], domains: [], quantities: [] };
const EMPTY: City = { basemap: null, assets: [], assetsById: new Map(), sensors: NO_SENSORS, sensorIndex: new Map(), departments: [], loaded: false, error: null };
const CityContext = createContext<City>(EMPTY);

const EMPTY_BASEMAP: Basemap = {
  styleUrl: null,
  districts: { type: 'FeatureCollection', features: [] }, roads: { type: 'FeatureCollection', features: [] },
  waterBodies: { type: 'FeatureCollection', features: [] }, populationGrid: { type: 'FeatureCollection', features: [] },
};

export function CityProvider({ children }: { children: ReactNode }) {
  const [city, setCity] = useState<City>(EMPTY);
  useEffect(() => {
    let alive = true;
    // The basemap goes out first so the map can start drawing while assets and sensors load.
    const basemap = api.basemap().catch(() => EMPTY_BASEMAP);
    basemap.then((b) => { if (alive) setCity((c) => (c.basemap ? c : { ...c, basemap: b })); });
    // Departments may not exist yet on this server: an empty list, not a failure.
    Promise.all([basemap, api.assets(), api.sensorPositions(), api.departments().catch(() => [] as Department[])])
      .then(([basemap, fc, sensors, departments]) => {
        if (!alive) return;
        setCity({
          basemap, assets: fc.features, assetsById: new Map(fc.features.map((f) => [String(f.id), f])),
          sensors, sensorIndex: new Map(sensors.ids.map((id, i) => [id, i])), departments, loaded: true, error: null,
        });
      })
      .catch((e: Error) => { if (alive) setCity({ ...EMPTY, loaded: true, error: e.message }); });
    return () => { alive = false; };
  }, []);
  return <CityContext.Provider value={city}>{children}</CityContext.Provider>;
}

export function useCity(): City { return useContext(CityContext); }

/** A department's name in the current language. */
export function useDepartmentName(): (id: string | null | undefined, lang: string) => string {
  const { departments } = useCity();
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);
  return (id, lang) => {
    if (!id) return '—';
    const d = byId.get(id);
    return d ? (lang === 'en' ? d.nameEn ?? d.name : d.name) : id;
  };
}

import { useEffect, useState } from 'react';

/** Hash routes (#/cases/C-1): work behind any server path and need no server rules. */
export type Route =
  | { page: 'map' } | { page: 'case'; id: string } | { page: 'sensor'; id: string } | { page: 'asset'; id: string }
  | { page: 'overview' } | { page: 'department'; id?: string } | { page: 'risk' } | { page: 'scenarios' };

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (page) {
    case 'cases': return id ? { page: 'case', id } : { page: 'map' };
    case 'sensors': return id ? { page: 'sensor', id } : { page: 'map' };
    case 'assets': return id ? { page: 'asset', id } : { page: 'map' };
    case 'overview': return { page: 'overview' };
    case 'risk': return { page: 'risk' };
    case 'scenarios': return { page: 'scenarios' };
    case 'department': return id ? { page: 'department', id } : { page: 'department' };
    default: return { page: 'map' };
  }
}

export const href = {
  map: () => '#/',
  case: (id: string) => `#/cases/${encodeURIComponent(id)}`,
  sensor: (id: string) => `#/sensors/${encodeURIComponent(id)}`,
  asset: (id: string) => `#/assets/${encodeURIComponent(id)}`,
  overview: () => '#/overview',
  risk: () => '#/risk',
  scenarios: () => '#/scenarios',
  department: (id?: string) => (id ? `#/department/${encodeURIComponent(id)}` : '#/department'),
};

export function go(to: string): void { window.location.hash = to; }

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

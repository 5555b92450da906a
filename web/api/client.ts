import type { AggPoint, Alarm, AssetRisk, Basemap, Case, CaseAction, DailyReport, Department, FeatureCollection, Page, RawPoint, RenewalPage, RiskZones, Rule, Scenario, ScenarioKind, ScenarioSummary, Sensor, SensorPositions, Session, User } from './types';

/** An HTTP failure with the problem+json detail when the server sent one. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problem?: Record<string, unknown>) { super(message); }
  /** The route does not exist (yet): pages degrade instead of failing. */
  get missing(): boolean { return this.status === 404 && String(this.problem?.detail ?? '').startsWith('no route'); }
}

export const API = '/api/v1';
let token: string | null = null;
let onUnauthorized: () => void = () => {};

export function setToken(value: string | null): void { token = value; }
export function getToken(): string | null { return token; }
export function onSessionExpired(handler: () => void): void { onUnauthorized = handler; }

export async function request<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) { body = JSON.stringify(init.json); headers.set('content-type', 'application/json'); }
  const res = await fetch(`${API}${path}`, { ...init, headers, body });
  if (!res.ok) {
    let problem: Record<string, unknown> | undefined;
    try { problem = await res.json() as Record<string, unknown>; } catch { /* not JSON */ }
    if (res.status === 401 && token) onUnauthorized();
    throw new ApiError(res.status, String(problem?.detail ?? problem?.title ?? res.statusText), problem);
  }
  return res.status === 204 ? (undefined as T) : (await res.json() as T);
}

const qs = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

/** Lists answer {items, next}; some early routes answer a bare array. */
const items = <T>(page: Page<T> | T[]): T[] => (Array.isArray(page) ? page : page.items);

export const api = {
  login: (username: string, password: string) => request<Session>('/auth/login', { method: 'POST', json: { username, password } }),
  me: () => request<User>('/auth/me'),
  basemap: () => request<Basemap>('/basemap'),
  assets: () => request<FeatureCollection>('/assets?limit=100000'),
  asset: (id: string) => request<FeatureCollection['features'][number]>(`/assets/${encodeURIComponent(id)}`),
  sensors: async (params: { asset?: string } = {}) => items(await request<Page<Sensor>>(`/sensors${qs({ limit: 100000, ...params })}`)),
  sensorPositions: () => request<SensorPositions>('/sensors/positions'),
  sensor: (id: string) => request<Sensor>(`/sensors/${encodeURIComponent(id)}`),
  readings: (id: string, from: number, to: number) => request<RawPoint[]>(`/sensors/${encodeURIComponent(id)}/readings${qs({ from, to })}`),
  rollups: (id: string, from: number, to: number, step: string) => request<AggPoint[]>(`/sensors/${encodeURIComponent(id)}/readings${qs({ from, to, step })}`),
  cases: async (params: Record<string, string | undefined> = {}) => items(await request<Page<Case>>(`/cases${qs({ limit: 1000, ...params })}`)),
  case: (id: string) => request<Case>(`/cases/${encodeURIComponent(id)}`),
  act: (id: string, body: { action: CaseAction; note?: string; level?: number; department?: string; step?: string; override?: boolean }) =>
    request<Case>(`/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', json: body }),
  alarms: async (params: Record<string, string | undefined> = {}) => items(await request<Page<Alarm>>(`/alarms${qs({ limit: 1000, ...params })}`)),
  departments: async () => items(await request<Page<Department>>('/departments?limit=1000')),
  rules: async () => items(await request<Page<Rule>>('/rules?limit=100000')),
  dailyReport: (date: string) => request<DailyReport>(`/reports/daily${qs({ date })}`),
  riskZones: (by: 'h3' | 'district', res?: number) => request<RiskZones>(`/risk/zones${qs({ by, res: by === 'h3' ? res : undefined })}`),
  assetRisk: (id: string) => request<AssetRisk>(`/risk/assets/${encodeURIComponent(id)}`),
  renewal: (cursor?: string | null, limit = 50) => request<RenewalPage>(`/risk/renewal${qs({ limit, cursor })}`),
  runScenario: (body: { kind: ScenarioKind; params: Record<string, unknown>; name?: string }) => request<Scenario>('/scenarios', { method: 'POST', json: body }),
  scenario: (id: string) => request<Scenario>(`/scenarios/${encodeURIComponent(id)}`),
  scenarios: async () => items(await request<Page<ScenarioSummary>>('/scenarios?limit=200')),
};

/** Fetch with the bearer token and hand the answer to the browser as a file (a plain link would go without the token). */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(`${API}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url; a.download = filename;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Wire shapes of the Lifeline API (contract v1). Fields the contract leaves open are optional. */
export type Level = 1 | 2 | 3 | 4;
export type Role = 'admin' | 'operator' | 'handler' | 'viewer';
export type CaseState = 'open' | 'assessing' | 'confirmed' | 'dispatched' | 'in_progress' | 'resolved' | 'closed' | 'dismissed' | 'self_cleared';
export type CaseAction = 'assess' | 'confirm' | 'dismiss' | 'dispatch' | 'accept' | 'report' | 'tick' | 'resolve' | 'close' | 'reopen' | 'comment';
export type SensorStatus = 'online' | 'offline' | 'maintenance' | 'disabled';

export interface User { id: string; username: string; role: Role; department: string | null; name?: string }
export interface Session { token: string; user: User }
export interface Page<T> { items: T[]; next: string | null }

export interface Geometry { type: string; coordinates: unknown }
export interface AssetFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: { kind: string; domain: string; name?: string; department?: string; [k: string]: unknown };
}
export interface FeatureCollection<F = AssetFeature> { type: 'FeatureCollection'; features: F[]; next?: string | null }

export interface Sensor {
  id: string; asset: string; domain: string; quantity: string; unit: string; name?: string;
  intervalS: number; state: string; status: SensorStatus; last: { ts: string; value: number } | null;
  properties?: Record<string, unknown>;
}

export interface Alarm {
  id: string; sensor: string; source?: string; kind: string; class?: string; level: Level; score?: number;
  message?: string; raisedAt: string | number; updatedAt?: string | number; clearedAt?: string | number | null; state?: 'active' | 'cleared';
  case?: string | null; asset?: string; domain?: string;
}

export interface TimelineEntry { at: string | number; actor?: string; action?: string; from?: string; to?: string; note?: string; data?: Record<string, unknown> }
export interface PlanStep { id: string; zh?: string; en?: string; mandatory?: boolean; done?: boolean; by?: string; at?: string | null; note?: string }
export interface Impact {
  summary?: string;
  population?: number;
  affected?: { assets?: unknown[] | number; population?: number; facilities?: unknown[] | number };
  facilities?: unknown[];
  assets?: unknown[];
  actions?: unknown[];
}

export interface Case {
  id: string;
  title?: string;
  summary?: string;
  state: CaseState;
  level: Level;
  domain: string;
  /** `hazard`: the lifeline is in danger; `device`: a sensor is faulty (a maintenance case). */
  class?: 'hazard' | 'device';
  asset?: string | null;
  assets?: string[];
  department?: string | null;
  location?: [number, number] | { type: 'Point'; coordinates: [number, number] } | null;
  geometry?: Geometry | null;
  /** ISO on the wire; epoch ms when a live event carries the raw case. */
  openedAt?: string | number;
  updatedAt?: string | number;
  overdue?: boolean;
  sla?: { milestone: string | null; due: string | number | null };
  /** Actions the case's state allows (the server's transition table). */
  allowed?: CaseAction[];
  version?: number;
  alarms?: Alarm[] | string[];
  sensors?: string[];
  timeline?: TimelineEntry[];
  plan?: { id: string; title: { zh: string; en: string }; steps: PlanStep[] } | null;
  impact?: Impact | null;
}

export interface Department { id: string; name: string; nameEn?: string; domains?: string[] }

export interface Rule {
  id: string; name?: string; kind: string;
  scope: { sensor?: string; asset?: string; quantity?: string; domain?: string };
  params?: { direction?: string; levels?: { level: Level; value: number }[]; [k: string]: unknown };
  enabled?: boolean;
}

export interface Basemap {
  styleUrl: string | null;
  districts: FeatureCollection<GeoFeature>;
  roads: FeatureCollection<GeoFeature>;
  waterBodies: FeatureCollection<GeoFeature>;
  populationGrid: FeatureCollection<GeoFeature>;
}
export interface GeoFeature { type: 'Feature'; id?: string | number; geometry: Geometry; properties: Record<string, unknown> }

export interface RawPoint { ts: string; value: number }
export interface AggPoint { ts: string; min: number; max: number; avg: number; count: number }

export interface DailyReport { date?: string; [k: string]: unknown }

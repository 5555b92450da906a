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

/** GET /sensors/positions: every located sensor as parallel arrays (entry i belongs to ids[i]). */
export interface SensorPositions {
  count: number;
  ids: string[]; lon: number[]; lat: number[];
  /** Index into `statuses`. */
  status: number[];
  /** Worst active hazard alarm, 0 when none. */
  level: number[];
  /** Indexes into `domains` and `quantities`. */
  domain: number[]; quantity: number[];
  statuses: SensorStatus[]; domains: string[]; quantities: string[];
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
  /** Ids of rules this one switches off for the sensors it watches. */
  replaces?: string[];
  /** A default from standards (read-only) rather than a configured rule. */
  template?: boolean;
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

/** Risk (GET /risk/...): levels 1 red … 4 blue, factors 0–1. */
export interface RiskFactor { factor: string; value: number; weight: number; note?: string }
export interface AssetRisk {
  id: string; name?: string | null; kind: string; domain: string; department?: string | null;
  risk: number; level: Level; colour: string; likelihood: number; consequence: number;
  factors: { likelihood: RiskFactor[]; consequence: RiskFactor[] };
  dynamic: { openCases: string[]; activeAlarms: number; boost: number };
  zone?: string; district?: string | null; location?: [number, number]; at?: string;
}
export interface RiskZoneProps {
  kind: 'h3' | 'district'; name: string | null; level: Level; colour: string; risk: number; assets: number;
  levels: Record<string, number>; openCases: number;
  worst: { id: string; name?: string | null; domain: string; risk: number } | null;
  factors: { likelihood: Record<string, number>; consequence: Record<string, number> };
}
export interface RiskZones { type: 'FeatureCollection'; kind: 'h3' | 'district'; resolution?: number; at: string; features: Array<{ type: 'Feature'; id: string; geometry: Geometry; properties: RiskZoneProps }> }
export interface RenewalRow {
  rank: number; id: string; name?: string | null; domain: string; material?: string | null; diameterMm?: number | null; lengthM?: number;
  installYear?: number | null; ageYears?: number | null; risk: number; level: Level; riskAfter: number; levelAfter: Level;
  riskReduction: number; costYuan: number; reductionPer10kYuan: number; reasons: string[];
}
export interface RenewalPage { items: RenewalRow[]; next: string | null; total: number; at: string }

/** Scenarios (POST/GET /scenarios). */
export type ScenarioKind = 'water-burst' | 'gas-leak' | 'rainstorm' | 'outage';
export interface ScenarioAffectedAsset { id: string; kind?: string; domain?: string; name?: string; effect: string; atMin?: number; level?: number; detail?: Record<string, unknown> }
export interface ScenarioFacility { id: string; name?: string; facility?: string; priority?: number; effect: string; atMin?: number; population?: number }
export interface ScenarioAction { order: number; code: string; text: string; targets?: string[]; atMin?: number; by?: string }
export interface Scenario {
  id: string; kind: ScenarioKind; name: string | null; params: Record<string, unknown>; createdAt: string; createdBy: string; summary: string;
  affected: { assets: ScenarioAffectedAsset[]; population: number; facilities: ScenarioFacility[] };
  actions: ScenarioAction[];
  layers: Record<string, { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; id?: string | number; geometry: Geometry; properties: Record<string, unknown> | null }> }>;
}
export interface ScenarioSummary {
  id: string; kind: ScenarioKind; name: string | null; params: Record<string, unknown>; createdAt: string; createdBy: string; summary: string;
  affected: { assets: number; population: number; facilities: number };
}

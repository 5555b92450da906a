import type { AlarmEvent, CaseChange } from '../domain/index.js';
import type { Bus, Clock, Store, Subscription } from '../ports/index.js';
import { TOPICS } from '../ports/index.js';
import type { AlarmBook } from '../pipeline/alarms/book.js';
import type { SensorRegistry } from '../pipeline/registry.js';
import { RiskModel, type OpenCase, type ZoneChange } from '../risk/index.js';
import { isCaseOpen, loadRiskInput, openCaseOf } from './risk-input.js';

export interface RiskServiceOptions {
  readonly store: Store;
  readonly bus: Bus;
  readonly clock: Clock;
  readonly registry: SensorRegistry;
  readonly alarms: AlarmBook;
  readonly onError?: (e: unknown) => void;
  /** Called with the zones whose level an open case or alarm changed (for live events, logs). */
  readonly onZoneChange?: (changes: ZoneChange[]) => void;
}

/** How often a request may look whether the assets or the basemap changed (a count, a settings read). */
const LAYERS_CHECK_MS = 10_000;

/**
 * Keeps the risk model current: a full recomputation at start and whenever the assets change
 * (their count, checked on each request, or `invalidate()`); open cases (bus topic 'case') and
 * alarms (topic 'alarm') are applied one by one, touching only their assets' zones.
 */
export class RiskService {
  private model: RiskModel | undefined;
  private building: Promise<RiskModel> | undefined;
  private builtCount = -1;
  private layersFound = false;
  private checkedAt = -Infinity;
  private dirty = true;
  private readonly open = new Map<string, OpenCase>();
  private readonly activeAlarms = new Map<string, string>();
  private subs: Subscription[] = [];

  constructor(private readonly o: RiskServiceOptions) {}

  /** Build the first model and follow cases and alarms. */
  async start(): Promise<void> {
    this.subs.push(this.o.bus.subscribe<CaseChange>(TOPICS.case, (change) => this.onCase(change), { name: 'risk.case', capacity: 4096 }));
    this.subs.push(this.o.bus.subscribe<AlarmEvent>(TOPICS.alarm, (event) => this.onAlarm(event), { name: 'risk.alarm', capacity: 4096, overflow: 'drop-oldest' }));
    // A model that fails to build must not stop the platform: the routes retry on the next request.
    await this.current().catch((e: unknown) => { this.dirty = true; this.o.onError?.(e); });
  }

  stop(): void {
    for (const s of this.subs) s.unsubscribe();
    this.subs = [];
  }

  /** Force a full recomputation on the next request (assets or settings changed). */
  invalidate(): void {
    this.dirty = true;
  }

  /** The current model, recomputed first when the assets changed. */
  async current(): Promise<RiskModel> {
    if (this.building) return this.building;
    if (!this.dirty && this.model) {
      const count = await this.o.store.assets.count();
      const now = this.o.clock.now();
      if (count !== this.builtCount || (!this.layersFound && now - this.checkedAt > LAYERS_CHECK_MS)) this.dirty = true;
      this.checkedAt = now;
    }
    if (!this.dirty && this.model) return this.model;
    this.building = this.rebuild().finally(() => { this.building = undefined; });
    return this.building;
  }

  private async rebuild(): Promise<RiskModel> {
    this.dirty = false;
    const at = this.o.clock.now();
    const { input, config, open, layersFound } = await loadRiskInput(this.o, at);
    this.builtCount = input.assets.length;
    this.layersFound = layersFound;
    this.checkedAt = at;
    const model = new RiskModel(input, config);
    // Cases from the store, then what the bus told us meanwhile; alarms from the live alarm book.
    for (const c of open) if (!this.open.has(c.id)) this.open.set(c.id, c);
    for (const c of this.open.values()) model.applyCase(c, true);
    for (const a of this.o.alarms.active()) {
      const asset = this.o.registry.get(a.sensor)?.sensor.asset;
      if (asset && a.class === 'hazard') this.activeAlarms.set(a.id, asset);
    }
    for (const [id, asset] of this.activeAlarms) model.applyAlarm(id, asset, true);
    this.model = model;
    return model;
  }

  private onCase(change: CaseChange): void {
    const c = change.case;
    if (!c) return;
    const oc = openCaseOf(c);
    const isOpen = isCaseOpen(c);
    if (isOpen) this.open.set(c.id, oc); else this.open.delete(c.id);
    this.report(this.model?.applyCase(oc, isOpen));
  }

  private onAlarm(event: AlarmEvent): void {
    const a = event.alarm;
    if (a.class !== 'hazard') return;
    const asset = this.o.registry.get(a.sensor)?.sensor.asset;
    if (!asset) return;
    const active = event.type !== 'clear';
    if (active) this.activeAlarms.set(a.id, asset); else this.activeAlarms.delete(a.id);
    this.report(this.model?.applyAlarm(a.id, asset, active));
  }

  private report(changes: ZoneChange[] | undefined): void {
    if (changes?.length) {
      try { this.o.onZoneChange?.(changes); } catch (e) { this.o.onError?.(e); }
    }
  }
}

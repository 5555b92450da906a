import type { AlarmClass, Case, CaseAlarm, CaseChange, Domain, Level } from '../domain/index.js';

/** A new case as the grouping stage asks for it. */
export interface NewCaseInput {
  readonly class: AlarmClass;
  readonly domain: Domain;
  readonly level: Level;
  readonly title: string;
  readonly asset: string;
  readonly location?: readonly [number, number];
  readonly department?: string;
  readonly alarm: CaseAlarm;
}

/**
 * How the grouping stage (src/pipeline/group) hands alarms to the case workflow (src/cases), which
 * implements it. Each call is one durable, audited change published on the bus topic 'case'.
 */
export interface CaseIntake {
  open(input: NewCaseInput): Promise<CaseChange>;
  /** The domain's active (not final) cases, as last committed. */
  activeCases(domain: Domain): readonly Case[];
  /** Add an alarm (or a newer state of one already there) to a case; a worse level escalates it. */
  attach(caseId: string, alarm: CaseAlarm, assets: readonly string[]): Promise<CaseChange>;
  /** An alarm raised inside a maintenance window: kept on record, no case. */
  suppressed(alarm: CaseAlarm, reason: string): Promise<CaseChange>;
}

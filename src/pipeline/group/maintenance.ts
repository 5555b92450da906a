/**
 * Maintenance windows (维护窗口): while one covers an asset or a sensor, its alarms are recorded but
 * open no case. Kept in the settings key `maintenance.windows` (PUT /maintenance edits it).
 */
export const MAINTENANCE_KEY = 'maintenance.windows';

export interface MaintenanceWindow {
  readonly id: string;
  readonly asset?: string;
  readonly sensor?: string;
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

/** The window that covers this alarm at `at`, if any. */
export function coveringWindow(windows: readonly MaintenanceWindow[], alarm: { sensor: string; asset: string }, at: number): MaintenanceWindow | undefined {
  return windows.find((w) => w.from <= at && at < w.to && ((w.asset !== undefined && w.asset === alarm.asset) || (w.sensor !== undefined && w.sensor === alarm.sensor)));
}

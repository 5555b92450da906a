export { Grouper } from './grouper.js';
export type { GroupableAlarm, GrouperOptions } from './grouper.js';
export { MAINTENANCE_KEY } from './maintenance.js';
export type { MaintenanceWindow } from './maintenance.js';
export { NetworkGraph, NETWORK_DOMAINS } from './network.js';

export * from './store.js';
export * from './bus.js';
export * from './clock.js';
export * from './ingress.js';
export * from './workflow-store.js';
export * from './notify.js';
export * from './case-intake.js';
export * from './scenario-store.js';

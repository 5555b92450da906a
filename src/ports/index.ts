export * from './store.js';
export * from './bus.js';
export * from './clock.js';
export * from './ingress.js';

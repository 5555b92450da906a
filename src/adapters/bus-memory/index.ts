export { MemoryBus } from './bus.js';

export { systemClock } from './clock.js';

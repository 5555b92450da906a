export { EmbeddedBroker, type EmbeddedMqttOptions } from './ingress.js';

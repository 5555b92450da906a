export { ExternalBrokerSubscriber, type ExternalBrokerOptions } from './ingress.js';

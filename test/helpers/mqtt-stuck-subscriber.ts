/**
 * A subscriber process that takes messages and never finishes storing them, for the test that kills
 * it before it acknowledges: `node --import tsx mqtt-stuck-subscriber.ts <url> <clientId>`.
 * It tells its parent its status, then 'received' for each message.
 */
import { ExternalBrokerSubscriber } from '../../src/adapters/mqtt-client/index.js';

const [url, clientId] = process.argv.slice(2);
const subscriber = new ExternalBrokerSubscriber({ url: url!, clientId: clientId!, sessionExpirySeconds: 120 });
const status = await subscriber.start(() => {
  process.send?.('received');
  return new Promise<void>(() => {});
});
process.send?.(status.state);

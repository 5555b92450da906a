import type { Platform } from './start.js';

/** The start-up banner: where to look, what is listening, and how to authenticate. */
export function banner(p: Platform, title = 'Lifeline'): string {
  const mqtt = p.mqtt();
  const mqttLine = mqtt.state === 'up'
    ? (mqtt.mode === 'embedded' ? `mqtt://${p.config.host}:${mqtt.port ?? p.config.mqttPort}  (embedded broker; topics lifeline/readings/<sensorId>, lifeline/readings)` : `${mqtt.mode}  (subscribed)`)
    : `NOT LISTENING — ${mqtt.detail}`;
  const lines = [
    '',
    `  ${title} — 城市生命线安全监测预警平台`,
    '',
    `  Dashboard      ${p.url}/`,
    `  API docs       ${p.url}/api/docs`,
    `  Health         ${p.url}/api/v1/health`,
    `  MQTT           ${mqttLine}`,
    `  Store          ${p.store.describe()}`,
    `  Bus            ${p.bus.kind}`,
    `  Sensors        ${p.registry.size.toLocaleString('en')}`,
    '',
    `  Admin token    ${p.adminToken}${p.config.adminToken ? '  (from LIFELINE_ADMIN_TOKEN)' : '  (generated; set LIFELINE_ADMIN_TOKEN to fix it)'}`,
    `  Admin login    admin / ${p.config.adminPassword ? '(LIFELINE_ADMIN_PASSWORD)' : `${p.adminPassword}  (generated; set LIFELINE_ADMIN_PASSWORD to fix it)`}`,
    '',
    `  Try:  curl -H 'Authorization: Bearer ${p.adminToken}' ${p.url}/api/v1/sensors?limit=3`,
    '  Stop: Ctrl+C (flushes everything first)',
    '',
  ];
  return lines.join('\n');
}

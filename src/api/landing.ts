/** A plain start page until the dashboard (web/) is served here. */
export function landingPage(version: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Lifeline 城市生命线安全监测预警平台</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1b2a3a}code{background:#eef2f6;padding:0 .3em}</style></head>
<body><h1>Lifeline <small>${version}</small></h1><p>城市生命线安全监测预警平台 — city lifeline safety monitoring and early warning.</p>
<ul><li><a href="/api/docs">API documentation (OpenAPI)</a></li><li><a href="/api/v1/health">Health</a></li></ul>
<p>Every API route but health needs <code>Authorization: Bearer &lt;token&gt;</code>: the token is printed at start-up.</p></body></html>`;
}

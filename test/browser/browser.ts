import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = `${ROOT}test/screenshots`;
export const CHROMIUM = process.env.LIFELINE_CHROMIUM ?? '/usr/bin/chromium';

/** Build the dashboard once when dist/web is missing (a fresh clone runs `npm test` without `npm run build`). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(`${ROOT}dist/web/index.html`)) return;
  const { build } = await import('vite');
  await build({ configFile: `${ROOT}web/vite.config.ts`, logLevel: 'warn' });
}

/** Debian's Chromium, headless; WebGL through SwiftShader so MapLibre renders without a GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-unsafe-swiftshader'],
  });
}

/** Log in on the login page that `url` shows (its #route opens once logged in). */
export async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.topbar');
}

/** Wait until the map has loaded its layers and finished drawing. */
export async function mapIdle(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => {
    // Not map.loaded(): the pulsing case halos keep the style busy while red or orange cases are open.
    const w = globalThis as unknown as { __lifeline?: { ready: boolean; map: { areTilesLoaded(): boolean } } };
    return !!w.__lifeline?.ready && w.__lifeline.map.areTilesLoaded();
  }, undefined, { timeout });
}

/**
 * How many distinct colours the map canvas shows (quantised to 4 bits a channel), decoded in the
 * page from a real screenshot, so a blank or single-colour map fails where the element alone would pass.
 */
export async function canvasColours(page: Page): Promise<number> {
  return onCanvasPixels(page, 'canvas.maplibregl-canvas', `
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
    return seen.size;`);
}

/**
 * Screenshot the first element matching `selector`, decode the PNG in the page and run `body` on
 * its RGBA bytes (named `data`). In-page code as text: this file is type-checked without the DOM library.
 */
async function onCanvasPixels<T>(page: Page, selector: string, body: string): Promise<T> {
  const png = await page.locator(selector).first().screenshot();
  return page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    ${body}
  })()`) as Promise<T>;
}

/** The colour [r, g, b] of the map canvas at a point (CSS px from its top left), decoded from a real screenshot. */
export async function canvasPixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return onCanvasPixels(page, 'canvas.maplibregl-canvas', `
    const i = (Math.round(${y}) * c.width + Math.round(${x})) * 4;
    return [data[i], data[i + 1], data[i + 2]];`);
}

/**
 * Take a screenshot once a map on the page has come to rest: a moving map on a software renderer
 * is drawn at half resolution (web/map/motion-resolution.ts) and sharp again shortly after it stops.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => {
    const w = globalThis as unknown as { __lifeline?: { map: { isMoving(): boolean } } };
    return !w.__lifeline || !w.__lifeline.map.isMoving();
  }, undefined, { timeout: 5000 }).catch(() => { /* a map that never rests is worth a screenshot too */ });
  // Half resolution ends 150 ms after the map stops; one frame more to draw it sharp.
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/**
 * The share of the map canvas in warm colours (the red, orange and yellow of risk zones laid over
 * the dark basemap), decoded from a real screenshot like `canvasColours`.
 */
export async function warmShare(page: Page): Promise<number> {
  return onCanvasPixels(page, 'canvas.maplibregl-canvas', `
    let warm = 0, all = 0;
    for (let i = 0; i < data.length; i += 4 * 5) {
      all++;
      const r = data[i], g = data[i + 1], b = data[i + 2];
      if (r > 100 && g > 50 && b < 90 && r - b > 50) warm++;
    }
    return warm / all;`);
}

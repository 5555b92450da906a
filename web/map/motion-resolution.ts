import type { Map as MapLibre } from 'maplibre-gl';

/** Renderers that draw on the CPU: a control-room VM or remote desktop without a GPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export const FULL_RESOLUTION_KEY = 'lifeline.fullResolution';

/** Full resolution again this long after the last movement. */
const SETTLE_MS = 150;
const START_AFTER_LOAD_MS = 2000;

export function isSoftwareRenderer(map: MapLibre): boolean {
  const gl = map.painter?.context?.gl;
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  return SOFTWARE.test(name);
}

/**
 * On a software renderer a frame costs about what its pixels cost (measured: a quarter of the
 * pixels, a quarter of the time), so while the map moves it is drawn at half resolution in each
 * direction and scaled up; once it rests it is drawn sharp again. A GPU keeps full resolution.
 */
export function halfResolutionWhileMoving(map: MapLibre, software = isSoftwareRenderer(map)): () => void {
  // An operator (or a benchmark) who wants sharp frames at any cost: localStorage 'lifeline.fullResolution' = '1'.
  if (!software || localStorage.getItem(FULL_RESOLUTION_KEY) === '1') return () => {};
  const full = map.getPixelRatio();
  const low = full / 2;
  let lowered = false;
  let switching = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A resize fires move events of its own: ignore those.
  const set = (ratio: number) => { switching = true; try { setPixelRatioQuietly(map, ratio); } finally { switching = false; } };
  // Redrawn at once after the resize, so no frame shows the cleared or stretched canvas in between.
  const settle = () => { timer = undefined; if (lowered) { lowered = false; set(full); map.redraw(); } };
  const onMove = () => {
    if (switching) return;
    if (!lowered) { lowered = true; set(low); }
    clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  };
  // From the first rest on: the first load and its fitting resize are drawn once, sharp. Pulsing
  // case halos can keep a map from ever being idle, so a while after the load will do as well.
  let started = false;
  const start = () => { if (!started) { started = true; map.on('move', onMove); } };
  let startLater: ReturnType<typeof setTimeout> | undefined;
  const onLoad = () => { startLater = setTimeout(start, START_AFTER_LOAD_MS); };
  map.once('idle', start);
  map.once('load', onLoad);
  return () => {
    map.off('idle', start); map.off('load', onLoad); map.off('move', onMove);
    clearTimeout(timer); clearTimeout(startLater); if (lowered) set(full);
  };
}

type Resizable = { _overridePixelRatio?: number | null; _resizeInternal?: (constrain?: boolean) => void };

/**
 * `map.setPixelRatio` resizes through `map.resize`, which stops the camera, and with it a drag in
 * progress: the map would stop following the pointer the moment it dropped to half resolution.
 * The internal resize does the same without stopping anything or firing events (internal API:
 * checked at run time, with setPixelRatio as the fallback).
 */
function setPixelRatioQuietly(map: MapLibre, ratio: number): void {
  const m = map as unknown as Resizable;
  if (typeof m._resizeInternal !== 'function' || !('_overridePixelRatio' in m)) { map.setPixelRatio(ratio); return; }
  m._overridePixelRatio = ratio;
  m._resizeInternal(false);
  map.triggerRepaint();
}

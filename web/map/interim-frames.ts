import type { Map as MapLibre } from 'maplibre-gl';
import { FULL_RESOLUTION_KEY, isSoftwareRenderer } from './motion-resolution';
import { mercator } from './sensor-style';

/** At most this long between real renders while the map pans. */
const REAL_EVERY_MS = 100;
/** A real render once the last one has moved further than this (CSS px): the uncovered strip stays narrow. */
const MAX_SHIFT_PX = 120;
/** Panning counts as going on for this long after the last move event. */
const PANNING_MS = 150;

interface Drawn { x: number; y: number; zoom: number; width: number; height: number; at: number }

/** MapLibre's per-frame render (internal API: checked at run time, left alone if it is missing). */
type Renderable = { _render?: (t: number) => unknown; _renderTaskQueue?: { run(t: number): void } };

/**
 * On a software renderer a frame of the whole map costs 40–50 ms at half resolution, so panning
 * redraws at about 20 frames a second. While the map only pans (north up, flat, same zoom), the
 * frames between real renders move the last drawn image with a CSS transform instead, which the
 * compositor does for almost nothing; a real render follows at least every 100 ms, at once when
 * the zoom changes, and when the image has moved 120 px, so the strip it uncovers at the leading
 * edge (the map's background colour) stays narrow and is filled within a tenth of a second.
 * Motion then runs at the display's rate. A GPU keeps rendering every frame.
 */
export function interimFramesWhilePanning(map: MapLibre, software = isSoftwareRenderer(map)): () => void {
  const m = map as unknown as Renderable;
  const realRender = m._render;
  if (!software || typeof realRender !== 'function' || localStorage.getItem(FULL_RESOLUTION_KEY) === '1') return () => {};
  const canvas = map.getCanvas();
  let drawn: Drawn | null = null;
  let lastMove = -Infinity;
  let followUp: ReturnType<typeof setTimeout> | undefined;
  const onMove = () => { lastMove = performance.now(); };
  map.on('move', onMove);

  m._render = (t: number) => {
    // What MapLibre does first in a frame: input handlers and camera animations move the camera
    // here (a drag, inertia, easeTo), so they run on interim frames too.
    m._renderTaskQueue?.run(t);
    const now = performance.now();
    const shift = drawn && now - lastMove < PANNING_MS && now - drawn.at < REAL_EVERY_MS ? shiftSince(map, drawn) : null;
    if (shift && Math.hypot(shift[0], shift[1]) <= MAX_SHIFT_PX) {
      canvas.style.transform = `translate(${shift[0]}px, ${shift[1]}px)`;
      // The real render this interim frame stands in for, once its time is up (also when the motion stops here).
      clearTimeout(followUp);
      followUp = setTimeout(() => map.triggerRepaint(), REAL_EVERY_MS - (now - drawn!.at));
      return map;
    }
    canvas.style.transform = '';
    const out = realRender.call(map, t);
    const [x, y] = mercator(map.getCenter().lng, map.getCenter().lat);
    drawn = { x, y, zoom: map.getZoom(), width: canvas.width, height: canvas.height, at: performance.now() };
    return out;
  };
  return () => {
    m._render = realRender;
    map.off('move', onMove);
    clearTimeout(followUp);
    canvas.style.transform = '';
  };
}

/** How far (CSS px) the last drawn image must move to match the map now; null if a translation cannot. */
function shiftSince(map: MapLibre, drawn: Drawn): [number, number] | null {
  const canvas = map.getCanvas();
  if (map.getZoom() !== drawn.zoom || map.getBearing() !== 0 || map.getPitch() !== 0) return null;
  if (canvas.width !== drawn.width || canvas.height !== drawn.height) return null;
  const [x, y] = mercator(map.getCenter().lng, map.getCenter().lat);
  const worldPx = 512 * 2 ** drawn.zoom;
  return [(drawn.x - x) * worldPx, (drawn.y - y) * worldPx];
}

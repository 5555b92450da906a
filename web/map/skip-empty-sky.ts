import type { Map as MapLibre } from 'maplibre-gl';

/**
 * MapLibre 5 draws a full-screen sky quad on every frame, even when the style has no sky (its
 * colours are then transparent, so the quad changes no pixel). Software WebGL (SwiftShader, as on
 * a control-room VM without a GPU) pays for every pixel drawn: measured at 1920×1080, that one
 * pass took most of a panning frame (117 ms → 17 ms for an empty style without it). Draw the sky
 * only when the style sets one. The painter's draw table is per map, so other maps are untouched.
 */
export function skipEmptySky(map: MapLibre): void {
  const painter = map.painter as MapLibre['painter'] | undefined;
  if (!painter?.drawFunctions?.sky) return;
  const drawSky = painter.drawFunctions.sky;
  painter.drawFunctions = { ...painter.drawFunctions, sky: (p, sky) => { if (map.getSky()) drawSky(p, sky); } };
}

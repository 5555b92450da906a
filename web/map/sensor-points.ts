import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibre } from 'maplibre-gl';
import type { SensorPositions } from '../api/types';
import { PointGrid } from './point-grid';
import { mercator, radiiAt, statusCodes, STROKE_RGB, writeSensorColour, type SensorRadii } from './sensor-style';

/**
 * Every sensor as one point sprite in one WebGL draw: the GPU (or SwiftShader's CPU) does one
 * vertex per sensor and a few pixels each, with no tiling of 50,000 points in a worker and no
 * tile buffers to rebuild while panning. A live change rewrites four bytes of one buffer.
 * Alarmed sensors are drawn a second time, on top, from a short index list.
 *
 * Positions are kept relative to an origin inside the city (float32 offsets in mercator units),
 * and the origin is folded into the matrix in float64, so points stay put to a fraction of a pixel
 * at street zoom where absolute float32 mercator would jitter by metres. Mercator projection only.
 */
export class SensorPointsLayer implements CustomLayerInterface {
  readonly id = 'sensors';
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;

  readonly count: number;
  private readonly lon: readonly number[];
  private readonly lat: readonly number[];
  private readonly origin: [number, number];
  private readonly grid: PointGrid;
  private readonly offsets: Float32Array;
  private readonly status: Uint8Array;
  private readonly level: Uint8Array;
  private readonly colours: Uint8Array;
  private alarmed: Uint32Array = new Uint32Array(0);
  private alarmedStale = true;
  private dirtyFrom = Infinity;
  private dirtyTo = -1;
  private map: MapLibre | null = null;
  private program: Program | null = null;
  /** Bumped by every change; `drawn` catches up when a frame shows it (tests and the benchmark wait on it). */
  private version = 0;
  private drawn = 0;
  private readonly waiting: { version: number; resolve(at: number): void }[] = [];

  constructor(p: SensorPositions) {
    this.count = p.count;
    this.lon = p.lon;
    this.lat = p.lat;
    const xs = new Float64Array(p.count);
    const ys = new Float64Array(p.count);
    for (let i = 0; i < p.count; i++) [xs[i], ys[i]] = mercator(p.lon[i]!, p.lat[i]!);
    this.origin = p.count > 0 ? [xs[0]!, ys[0]!] : [0.5, 0.5];
    this.grid = new PointGrid(xs, ys);
    // The GPU's buffers are in the grid's order (slots), so the points in view are a few runs.
    this.offsets = new Float32Array(p.count * 2);
    for (let s = 0; s < p.count; s++) {
      const i = this.grid.order[s]!;
      this.offsets[2 * s] = xs[i]! - this.origin[0];
      this.offsets[2 * s + 1] = ys[i]! - this.origin[1];
    }
    this.status = statusCodes(p);
    this.level = Uint8Array.from(p.level, (l) => (l >= 1 && l <= 4 ? l : 0));
    this.colours = new Uint8Array(p.count * 4);
    for (let i = 0; i < p.count; i++) writeSensorColour(this.colours, this.grid.slotOf[i]!, this.status[i]!, this.level[i]!);
  }

  /** A sensor's longitude and latitude. */
  positionOf(index: number): [number, number] {
    return [this.lon[index]!, this.lat[index]!];
  }

  /** A sensor's drawn state: status code and active alarm level (0 none). */
  stateOf(index: number): { status: number; level: number } {
    return { status: this.status[index]!, level: this.level[index]! };
  }

  /** Change a sensor's status or level; drawn on the next frame. Returns whether anything changed. */
  update(index: number, change: { status?: number; level?: number }): boolean {
    if (index < 0 || index >= this.count) return false;
    const status = change.status ?? this.status[index]!;
    const level = change.level ?? this.level[index]!;
    if (status === this.status[index] && level === this.level[index]) return false;
    if ((level > 0) !== (this.level[index]! > 0)) this.alarmedStale = true;
    this.status[index] = status;
    this.level[index] = level;
    const slot = this.grid.slotOf[index]!;
    writeSensorColour(this.colours, slot, status, level);
    if (slot < this.dirtyFrom) this.dirtyFrom = slot;
    if (slot > this.dirtyTo) this.dirtyTo = slot;
    this.version++;
    this.map?.triggerRepaint();
    return true;
  }

  /** Resolves with the time of the first frame drawn after every change made so far. */
  whenDrawn(): Promise<number> {
    if (this.drawn >= this.version) return Promise.resolve(performance.timeOrigin + performance.now());
    return new Promise((resolve) => { this.waiting.push({ version: this.version, resolve }); });
  }

  /** The sensor under a screen point (CSS px), nearest within its drawn radius plus a few pixels; -1 if none. */
  pick(map: MapLibre, point: { x: number; y: number }): number {
    const at = map.unproject([point.x, point.y]);
    const [mx, my] = mercator(at.lng, at.lat);
    const qx = mx - this.origin[0]; const qy = my - this.origin[1];
    const r = radiiAt(map.getZoom());
    const worldPx = 512 * 2 ** map.getZoom();
    const reach = (Math.max(r.alarmed, r.normal + r.stroke) + 3) / worldPx;
    let best = -1; let bestD = reach * reach;
    const o = this.offsets, order = this.grid.order;
    for (let s = 0; s < this.count; s++) {
      const dx = o[2 * s]! - qx; const dy = o[2 * s + 1]! - qy;
      const d = dx * dx + dy * dy;
      // An alarmed sensor wins a tie with its neighbours: it is the one drawn on top.
      if (d < bestD || (d === bestD && this.level[order[s]!]! > 0)) { bestD = d; best = order[s]!; }
    }
    if (best < 0) return -1;
    const drawnPx = (this.level[best]! > 0 ? r.alarmed : r.normal) + r.stroke + 3;
    return Math.sqrt(bestD) * worldPx <= drawnPx ? best : -1;
  }

  onAdd(map: MapLibre, gl: GL): void {
    this.map = map;
    this.program = createProgram(gl, this.offsets, this.colours);
  }

  onRemove(_map: MapLibre, gl: GL): void {
    if (this.program) deleteProgram(gl, this.program);
    this.program = null; this.map = null;
  }

  render(gl: GL, args: CustomRenderMethodInput): void {
    const p = this.program;
    const map = this.map;
    if (!p || !map || this.count === 0) return;
    gl.useProgram(p.program);
    bindVertexArray(gl, p, true);
    if (this.dirtyTo >= 0) {
      gl.bindBuffer(gl.ARRAY_BUFFER, p.colours);
      gl.bufferSubData(gl.ARRAY_BUFFER, this.dirtyFrom * 4, this.colours.subarray(this.dirtyFrom * 4, (this.dirtyTo + 1) * 4));
      this.dirtyFrom = Infinity; this.dirtyTo = -1;
    }
    if (this.alarmedStale) this.uploadAlarmed(gl, p);

    gl.uniformMatrix4fv(p.uMatrix, false, withOrigin(args.defaultProjectionData.mainMatrix, this.origin));
    const r = radiiAt(map.getZoom());
    gl.uniform3f(p.uRadius, r.normal, r.alarmed, r.stroke);
    gl.uniform1f(p.uRatio, map.getPixelRatio());
    gl.uniform3f(p.uStroke, STROKE_RGB[0] / 255, STROKE_RGB[1] / 255, STROKE_RGB[2] / 255);
    gl.disable(gl.DEPTH_TEST);
    for (const [first, count] of this.inView(map, r)) gl.drawArrays(gl.POINTS, first, count);
    if (this.alarmed.length > 0) gl.drawElements(gl.POINTS, this.alarmed.length, gl.UNSIGNED_INT, 0);
    bindVertexArray(gl, p, false);

    this.drawn = this.version;
    const now = performance.timeOrigin + performance.now();
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      if (this.waiting[i]!.version <= this.drawn) { this.waiting[i]!.resolve(now); this.waiting.splice(i, 1); }
    }
  }

  /** Slot runs of the grid cells in view, with a margin of the largest dot so none is cut at the edge. */
  private inView(map: MapLibre, r: SensorRadii): [number, number][] {
    const b = map.getBounds();
    const [x0, y0] = mercator(b.getWest(), b.getNorth());
    const [x1, y1] = mercator(b.getEast(), b.getSouth());
    const margin = (Math.max(r.normal, r.alarmed) + r.stroke + 1) / (512 * 2 ** map.getZoom());
    return this.grid.runs(x0 - margin, y0 - margin, x1 + margin, y1 + margin);
  }

  private uploadAlarmed(gl: GL, p: Program): void {
    const list: number[] = [];
    for (let s = 0; s < this.count; s++) if (this.level[this.grid.order[s]!]! > 0) list.push(s);
    // Worst level last, so it is drawn on top of lesser ones.
    const levelAt = (slot: number) => this.level[this.grid.order[slot]!]!;
    list.sort((a, b) => levelAt(b) - levelAt(a));
    this.alarmed = Uint32Array.from(list);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, p.alarmed);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, this.alarmed.length > 0 ? this.alarmed : new Uint32Array(1), gl.DYNAMIC_DRAW);
    this.alarmedStale = false;
  }
}

type GL = WebGLRenderingContext | WebGL2RenderingContext;

interface Program {
  program: WebGLProgram;
  offsets: WebGLBuffer; colours: WebGLBuffer; alarmed: WebGLBuffer;
  vao: WebGLVertexArrayObject | null;
  aPos: number; aColour: number;
  uMatrix: WebGLUniformLocation | null; uRadius: WebGLUniformLocation | null;
  uRatio: WebGLUniformLocation | null; uStroke: WebGLUniformLocation | null;
}

// Sizes in CSS px times the pixel ratio; the sprite is one pixel wider than the circle for its soft
// edge. A dot of at most 3 device px across is drawn as a plain square (no edge, no discard): at
// that size a circle and a square look alike, and a software renderer pays for every fragment's maths.
const VERTEX = `
attribute vec2 a_pos;
attribute vec4 a_colour;
uniform mat4 u_matrix;
uniform vec3 u_radius;
uniform float u_ratio;
varying vec3 v_colour;
varying float v_inner;
varying float v_outer;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  float r = a_colour.a > 0.5 ? u_radius.y : u_radius.x;
  v_inner = r * u_ratio;
  v_outer = (r + u_radius.z) * u_ratio;
  float across = 2.0 * v_outer;
  gl_PointSize = across <= 3.0 ? max(1.0, floor(across + 0.5)) : across + 1.0;
  if (across <= 3.0) v_outer = 0.0;
  v_colour = a_colour.rgb;
}`;

const FRAGMENT = `
precision mediump float;
uniform vec3 u_stroke;
varying vec3 v_colour;
varying float v_inner;
varying float v_outer;
void main() {
  if (v_outer == 0.0) { gl_FragColor = vec4(v_colour, 1.0); return; }
  float d = length(gl_PointCoord - 0.5) * (2.0 * v_outer + 1.0);
  float alpha = clamp(v_outer + 0.5 - d, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  float fill = v_outer > v_inner ? clamp(v_inner + 0.5 - d, 0.0, 1.0) : 1.0;
  gl_FragColor = vec4(mix(u_stroke, v_colour, fill) * alpha, alpha);
}`;

function compile(gl: GL, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`sensor shader: ${gl.getShaderInfoLog(shader) ?? ''}`);
  return shader;
}

function createProgram(gl: GL, offsets: Float32Array, colours: Uint8Array): Program {
  // WebGL 1 needs an extension for 32-bit indices; MapLibre 5 runs on WebGL 2 where it is built in.
  if (!('drawBuffers' in gl && 'createVertexArray' in gl)) gl.getExtension('OES_element_index_uint');
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`sensor program: ${gl.getProgramInfoLog(program) ?? ''}`);
  const buffer = (target: number, data: ArrayBufferView, usage: number) => {
    const b = gl.createBuffer()!;
    gl.bindBuffer(target, b);
    gl.bufferData(target, data, usage);
    return b;
  };
  const p: Program = {
    program,
    offsets: buffer(gl.ARRAY_BUFFER, offsets, gl.STATIC_DRAW),
    colours: buffer(gl.ARRAY_BUFFER, colours, gl.DYNAMIC_DRAW),
    alarmed: gl.createBuffer()!,
    vao: 'createVertexArray' in gl ? gl.createVertexArray() : null,
    aPos: gl.getAttribLocation(program, 'a_pos'),
    aColour: gl.getAttribLocation(program, 'a_colour'),
    uMatrix: gl.getUniformLocation(program, 'u_matrix'),
    uRadius: gl.getUniformLocation(program, 'u_radius'),
    uRatio: gl.getUniformLocation(program, 'u_ratio'),
    uStroke: gl.getUniformLocation(program, 'u_stroke'),
  };
  if (p.vao) {
    (gl as WebGL2RenderingContext).bindVertexArray(p.vao);
    setAttributes(gl, p);
    (gl as WebGL2RenderingContext).bindVertexArray(null);
  }
  return p;
}

function setAttributes(gl: GL, p: Program): void {
  gl.bindBuffer(gl.ARRAY_BUFFER, p.offsets);
  gl.enableVertexAttribArray(p.aPos);
  gl.vertexAttribPointer(p.aPos, 2, gl.FLOAT, false, 0, 0);
  gl.bindBuffer(gl.ARRAY_BUFFER, p.colours);
  gl.enableVertexAttribArray(p.aColour);
  gl.vertexAttribPointer(p.aColour, 4, gl.UNSIGNED_BYTE, true, 0, 0);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, p.alarmed);
}

/** WebGL 2 keeps the attribute set-up in a vertex array; WebGL 1 sets it each frame and undoes it after. */
function bindVertexArray(gl: GL, p: Program, on: boolean): void {
  if (p.vao) { (gl as WebGL2RenderingContext).bindVertexArray(on ? p.vao : null); return; }
  if (on) { setAttributes(gl, p); return; }
  gl.disableVertexAttribArray(p.aPos);
  gl.disableVertexAttribArray(p.aColour);
}

function deleteProgram(gl: GL, p: Program): void {
  gl.deleteBuffer(p.offsets); gl.deleteBuffer(p.colours); gl.deleteBuffer(p.alarmed);
  if (p.vao) (gl as WebGL2RenderingContext).deleteVertexArray(p.vao);
  gl.deleteProgram(p.program);
}

/** The map's mercator matrix with the points' origin folded in: M · translate(origin), in float64, then float32 for the GPU. */
function withOrigin(m: ArrayLike<number>, [ox, oy]: [number, number]): Float32Array {
  const out = new Float32Array(16);
  for (let i = 0; i < 12; i++) out[i] = m[i]!;
  for (let r = 0; r < 4; r++) out[12 + r] = m[r]! * ox + m[4 + r]! * oy + m[12 + r]!;
  return out;
}

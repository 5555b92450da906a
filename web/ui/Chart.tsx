import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { LEVEL_HEX } from './colours';

export interface Threshold { value: number; level: number }
export interface Span { from: number; to: number; level: number }
export interface ChartSeries { label: string; colour: string; dash?: number[]; width?: number }

export interface ChartProps {
  /** x in seconds (uPlot's convention), then one array per series. */
  data: AlignedData;
  series: ChartSeries[];
  thresholds?: Threshold[];
  /** Alarm spans, in seconds, shaded in their level's colour. */
  spans?: Span[];
  height?: number;
  unit?: string;
  /** The time window asked for, in seconds: the x axis spans it even where data is missing, so an alarm raised at the last reading still shows its span up to now. */
  xRange?: [number, number];
  /** Called with the new x range (seconds) when the user drags to zoom. */
  onZoom?(from: number, to: number): void;
  onReset?(): void;
}

/** A uPlot time series with rule thresholds as dashed lines and alarm spans shaded. */
export function Chart({ data, series, thresholds = [], spans = [], height = 180, unit, xRange, onZoom, onReset }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const extras = useRef({ thresholds, spans, xRange, onZoom, onReset });
  extras.current = { thresholds, spans, xRange, onZoom, onReset };

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const width = Math.max(280, node.clientWidth);
    const opts: Options = {
      width, height,
      legend: { show: true, live: false },
      cursor: { drag: { x: true, y: false, setScale: true } },
      scales: { x: { time: true, range: (_u, min, max) => xExtent(min, max, extras.current.xRange) }, y: { range: (_u, min, max) => yRange(min, max, extras.current.thresholds) } },
      axes: [
        { stroke: '#8ea4bd', grid: { stroke: '#1d2e42' }, ticks: { stroke: '#1d2e42' }, values: timeTicks },
        { stroke: '#8ea4bd', grid: { stroke: '#1d2e42' }, ticks: { stroke: '#1d2e42' }, label: unit, labelSize: 16, size: 56 },
      ],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: s.width ?? 1.5, dash: s.dash, points: { show: false } }))],
      hooks: {
        drawClear: [(u) => { node.dataset.spans = String(drawSpans(u, extras.current.spans)); }],
        // What was drawn, on the element: tests check the lines are there, not just the canvas.
        draw: [(u) => { node.dataset.thresholds = drawThresholds(u, extras.current.thresholds).sort((a, b) => a - b).join(' '); }],
        setSelect: [(u) => {
          if (u.select.width < 5) return;
          const from = u.posToVal(u.select.left, 'x');
          const to = u.posToVal(u.select.left + u.select.width, 'x');
          extras.current.onZoom?.(from, to);
        }],
      },
    };
    const u = new uPlot(opts, data, node);
    plot.current = u;
    const dbl = () => extras.current.onReset?.();
    node.addEventListener('dblclick', dbl);
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(280, node.clientWidth), height }));
    resize.observe(node);
    return () => { resize.disconnect(); node.removeEventListener('dblclick', dbl); u.destroy(); plot.current = null; };
    // Series shape and unit fix the plot; data changes go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series.length, unit, height]);

  useEffect(() => { plot.current?.setData(data, true); }, [data]);
  useEffect(() => { plot.current?.redraw(false); }, [thresholds, spans]);
  useEffect(() => { if (xRange) plot.current?.setScale('x', { min: xRange[0], max: xRange[1] }); }, [xRange?.[0], xRange?.[1]]);

  return <div className="chart" data-testid="chart" ref={el} />;
}

/** 24-hour clock ticks; the date where the day changes (a duty room reads 24 h time). */
const pad2 = (n: number) => String(n).padStart(2, '0');
function timeTicks(_u: uPlot, splits: number[], _ax: number, _space: number, incr: number): string[] {
  let lastDay = -1;
  return splits.map((s) => {
    const d = new Date(s * 1000);
    const day = d.getDate();
    const date = `${d.getMonth() + 1}/${day}`;
    const newDay = day !== lastDay; lastDay = day;
    if (incr >= 86_400) return date;
    const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
    return newDay ? `${time}\n${date}` : time;
  });
}

function xExtent(min: number | null, max: number | null, window: [number, number] | undefined): [number, number] {
  if (window) return window;
  const lo = min ?? Date.now() / 1000 - 3600;
  const hi = max ?? Date.now() / 1000;
  return hi > lo ? [lo, hi] : [lo - 60, hi + 60];
}

/** Keep thresholds near the data in view, so the distance to the next level is visible. */
function yRange(min: number | null, max: number | null, thresholds: Threshold[]): [number, number] {
  let lo = min ?? 0; let hi = max ?? 1;
  const span = Math.max(hi - lo, Math.abs(hi) * 0.05, 1e-6);
  for (const th of thresholds) if (th.value <= hi + span * 1.5 && th.value >= lo - span * 1.5) { lo = Math.min(lo, th.value); hi = Math.max(hi, th.value); }
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}

/** Dashed level lines with their value at the right end; returns the values drawn (those in view). */
function drawThresholds(u: uPlot, thresholds: Threshold[]): number[] {
  const { ctx, bbox } = u;
  const drawn: number[] = [];
  const labelled: number[] = [];
  const labelGap = 12 * devicePixelRatio;
  ctx.save();
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.font = `${11 * devicePixelRatio}px sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  // The most severe level first, so its label is the one kept where labels would collide.
  for (const th of [...thresholds].sort((a, b) => a.level - b.level)) {
    const y = u.valToPos(th.value, 'y', true);
    if (y < bbox.top || y > bbox.top + bbox.height) continue;
    const colour = LEVEL_HEX[th.level] ?? '#fff';
    ctx.strokeStyle = colour;
    ctx.setLineDash([6, 4]);
    ctx.beginPath(); ctx.moveTo(bbox.left, y); ctx.lineTo(bbox.left + bbox.width, y); ctx.stroke();
    // Levels close together (80 and 100 on a 0–120 axis) keep one readable label, not two on top of each other.
    if (labelled.every((other) => Math.abs(other - y) >= labelGap)) {
      ctx.fillStyle = colour;
      ctx.fillText(String(th.value), bbox.left + bbox.width - 4, y - 2);
      labelled.push(y);
    }
    drawn.push(th.value);
  }
  ctx.restore();
  return drawn;
}

/** Alarm spans shaded in their level's colour; returns how many are in view. */
function drawSpans(u: uPlot, spans: Span[]): number {
  const { ctx, bbox } = u;
  let shaded = 0;
  ctx.save();
  for (const s of spans) {
    const end = u.valToPos(s.to, 'x', true);
    if (end < bbox.left) continue;
    const x0 = Math.max(bbox.left, u.valToPos(s.from, 'x', true));
    // An alarm raised at the last reading still gets a visible sliver.
    const x1 = Math.min(bbox.left + bbox.width, Math.max(end, x0 + 3 * devicePixelRatio));
    if (x1 <= x0) continue;
    ctx.fillStyle = `${LEVEL_HEX[s.level] ?? '#ffffff'}33`;
    ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
    shaded++;
  }
  ctx.restore();
  return shaded;
}

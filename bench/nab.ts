/**
 * The general detectors on real-world series from the Numenta Anomaly Benchmark (NAB), scored with
 * NAB's standard profile. The data is not in this repository (NAB is AGPL-licensed): point `NAB_DIR`
 * at a directory laid out like NAB's `data/` (default /work/nab-cache/data) with the windows in
 * `NAB_DIR/../labels/combined_windows.json`. Without it this bench says so and does nothing.
 *
 * Each file is replayed in this process exactly as `lifeline replay --quantity generic` does
 * (`replayFile`), then scored twice:
 *  - `anomaly_score`: every row at or above a threshold is a detection; one threshold for the
 *    whole corpus, the one that maximises the total score (NAB's optimisation step);
 *  - `level`: what a duty officer sees — the first row of each alarm is one detection.
 *
 * Scoring, in our own words, after A. Lavin and S. Ahmad, "Evaluating Real-time Anomaly Detection
 * Algorithms – the Numenta Anomaly Benchmark", IEEE ICMLA 2015:
 *  - the first 15 % of each file (at most 750 rows) is a probationary period: not scored;
 *  - in a window only the earliest detection counts, worth A_TP·σ(p)/σ(−1), where p runs from −1 at
 *    the window's start towards 0 at its end and σ(p) = 2/(1 + e^{5p}) − 1 (earlier earns more);
 *  - a window with no detection costs A_FN;
 *  - every detection outside windows costs A_FP·|σ(d)|, d = rows since the previous window's end
 *    ÷ (that window's width − 1) (σ = −1 from d ≥ 3, or with no window before it): detections just
 *    after a window are cheap, the rest cost the full A_FP;
 *  - standard profile A_TP = 1, A_FP = −0.11, A_FN = −1; the corpus total is normalised so the
 *    null detector (never detects) scores 0 and a perfect one (each window at its start) 100.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { replayFile } from '../src/app/commands/replay.js';

const NAB_DIR = process.env.NAB_DIR ?? '/work/nab-cache/data';
const A_TP = 1.0, A_FP = -0.11, A_FN = -1.0; // NAB standard profile
const PROBATION = 0.15;

/** NAB's scaled sigmoid of a relative position (−1 … window start, 0 … window end, > 0 after it). */
function sigma(p: number): number {
  return p >= 3 ? -1 : 2 / (1 + Math.exp(5 * p)) - 1;
}
const SIGMA_MAX = sigma(-1);

export interface FileRows { name: string; ts: string[]; score: Float64Array; firstOfAlarm: Uint8Array; windows: [string, string][] }

/**
 * One scorable row: its detector output, the window it is in (index into the corpus-wide list, or
 * −1) and what a detection there is worth (TP reward inside a window, FP cost outside).
 */
interface Point { file: number; score: number; window: number; worth: number }

/** Per-row worth, NAB's way; rows of the probationary period are left out. */
function points(f: FileRows, fileIdx: number, firstWindow: number, out: Point[], values: (i: number) => number): void {
  const n = f.ts.length;
  const probation = Math.min(Math.floor(PROBATION * n), PROBATION * 5000);
  const wins = f.windows.map(([a, b]) => [f.ts.indexOf(a), f.ts.indexOf(b)] as const);
  let w = 0, inWin = -1, prevRight = -1, prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const next = wins[w];
    if (inWin < 0 && next !== undefined && next[0] === i) inWin = w;
    let worth: number;
    if (inWin >= 0) {
      const [l, r] = wins[inWin]!;
      worth = (A_TP * sigma(-(r - i + 1) / (r - l + 1))) / SIGMA_MAX;
    } else {
      worth = -A_FP * sigma(prevRight < 0 ? 3 : Math.abs(prevRight - i) / (prevWidth - 1));
    }
    if (i >= probation) out.push({ file: fileIdx, score: values(i), window: inWin >= 0 ? firstWindow + inWin : -1, worth });
    if (inWin >= 0 && i === wins[inWin]![1]) { prevRight = i; prevWidth = wins[inWin]![1] - wins[inWin]![0] + 1; inWin = -1; w++; }
  }
}

interface Sweep { threshold: number; raw: number; best: Map<number, number>; fpCost: Float64Array; fp: Uint32Array }

/**
 * Sweeps the threshold down over every distinct score of the corpus and keeps the one with the
 * highest total. A window's part starts at A_FN and becomes its earliest (largest) TP worth.
 */
function sweep(pts: Point[], windowsScorable: Set<number>, files: number, fixed?: number): Sweep {
  const sorted = [...pts].sort((a, b) => b.score - a.score);
  const best = new Map<number, number>();
  let total = A_FN * windowsScorable.size;
  let bestRaw = total, bestThreshold = Number.POSITIVE_INFINITY, bestUpTo = 0;
  for (let k = 0; k < sorted.length;) {
    const t = sorted[k]!.score;
    if (fixed !== undefined && t < fixed) break;
    for (; k < sorted.length && sorted[k]!.score === t; k++) {
      const p = sorted[k]!;
      if (p.window < 0) total += p.worth;
      else {
        const before = best.get(p.window) ?? A_FN;
        if (p.worth > before) { total += p.worth - before; best.set(p.window, p.worth); }
      }
    }
    if (total > bestRaw || fixed !== undefined) { bestRaw = total; bestThreshold = t; bestUpTo = k; }
  }
  // Recount at the chosen threshold for the per-file table.
  const chosen = new Map<number, number>();
  const fpCost = new Float64Array(files), fp = new Uint32Array(files);
  for (let k = 0; k < bestUpTo; k++) {
    const p = sorted[k]!;
    if (p.window < 0) { fpCost[p.file]! += p.worth; fp[p.file]!++; } else chosen.set(p.window, Math.max(chosen.get(p.window) ?? A_FN, p.worth));
  }
  return { threshold: bestThreshold, raw: bestRaw, best: chosen, fpCost, fp };
}

function csvFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...csvFiles(p));
    else if (e.endsWith('.csv')) out.push(p);
  }
  return out;
}

/** Replays one file as `lifeline replay --quantity generic` and reads back score and level. */
function replayed(path: string, name: string, windows: [string, string][], tmp: string): FileRows {
  const out = join(tmp, 'out.csv');
  replayFile({ input: path, out, quantity: 'generic', progress: false });
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n').slice(1);
  const ts: string[] = [], score = new Float64Array(lines.length), firstOfAlarm = new Uint8Array(lines.length);
  let wasOn = false;
  lines.forEach((line, i) => {
    const f = line.split(',');
    ts.push(f[0]!.trim());
    score[i] = Number(f[f.length - 2]) || 0;
    const on = f[f.length - 1] !== '';
    firstOfAlarm[i] = on && !wasOn ? 1 : 0; // an alarm's first row is when the officer is told
    wasOn = on;
  });
  return { name, ts, score, firstOfAlarm, windows };
}

export interface FileResult { file: string; rows: number; windows: number; tp: number; fn: number; fp: number; fpCost: number; tpWorth: string; raw: number }

/** Per-file counts at the chosen threshold; printed when `title` is given. */
function table(files: FileRows[], firstWindow: number[], scorable: Set<number>, s: Sweep, title?: string): FileResult[] {
  const res: FileResult[] = [];
  const out = (line: string): void => { if (title !== undefined) process.stdout.write(line); };
  out(`\n${title}\n${'file'.padEnd(56)} ${'rows'.padStart(5)} win  TP  FN    FP  FP cost    raw  TP worth per window (1 = at its start; miss)\n`);
  files.forEach((f, fi) => {
    let tp = 0, fn = 0, raw = s.fpCost[fi]!;
    const worth: string[] = [];
    f.windows.forEach((_, wi) => {
      const w = firstWindow[fi]! + wi;
      if (!scorable.has(w)) { worth.push('probation'); return; }
      const v = s.best.get(w);
      if (v === undefined) { fn++; raw += A_FN; worth.push('miss'); } else { tp++; raw += v; worth.push(v.toFixed(2)); }
    });
    res.push({ file: f.name, rows: f.ts.length, windows: f.windows.length, tp, fn, fp: s.fp[fi]!, fpCost: Number(s.fpCost[fi]!.toFixed(3)), tpWorth: worth.join(' '), raw: Number(raw.toFixed(3)) });
    out(`${f.name.padEnd(56)} ${String(f.ts.length).padStart(5)} ${String(f.windows.length).padStart(3)} ${String(tp).padStart(3)} ${String(fn).padStart(3)} ${String(s.fp[fi]).padStart(5)} ${s.fpCost[fi]!.toFixed(2).padStart(8)} ${raw.toFixed(2).padStart(6)}  ${worth.join(' ')}\n`);
  });
  return res;
}

/** A corpus scored one way: NAB's normalised score, its threshold and the per-file table. */
export interface NabResult { threshold: number; score: number; windows: number; perFile: FileResult[] }

/**
 * NAB's standard-profile score of one detector output per row (`values(file)(row)`): every row at
 * or above the threshold is a detection; with `fixed` the threshold is that value, otherwise the
 * one that maximises the corpus total (NAB's optimisation step).
 */
export function nabScore(files: FileRows[], values: (f: FileRows) => (i: number) => number, fixed?: number, title?: string): NabResult {
  // Corpus-wide window numbering; a window wholly inside the probationary period is not scored.
  const firstWindow: number[] = [];
  let nWindows = 0;
  for (const f of files) { firstWindow.push(nWindows); nWindows += f.windows.length; }
  const pts: Point[] = [];
  files.forEach((f, fi) => points(f, fi, firstWindow[fi]!, pts, values(f)));
  const scorable = new Set(pts.filter((p) => p.window >= 0).map((p) => p.window));
  const s = sweep(pts, scorable, files.length, fixed);
  // Null detector: every scorable window missed; perfect: every window detected at its first row.
  const score = (100 * (s.raw - A_FN * scorable.size)) / ((A_TP - A_FN) * scorable.size);
  return { threshold: s.threshold, score, windows: scorable.size, perFile: table(files, firstWindow, scorable, s, title) };
}

/** The corpus under `nabDir`, replayed; a string says why there is none. */
export function loadCorpus(nabDir: string): FileRows[] | string {
  let paths: string[];
  try { paths = csvFiles(nabDir); } catch { paths = []; }
  if (paths.length === 0) return `no NAB data at ${nabDir} (set NAB_DIR)`;
  const labelsPath = join(dirname(nabDir), 'labels', 'combined_windows.json');
  let labels: Record<string, string[][]>;
  try { labels = JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, string[][]>; } catch { return `no labels at ${labelsPath}`; }
  const tmp = mkdtempSync(join(tmpdir(), 'lifeline-nab-'));
  const files: FileRows[] = [];
  try {
    for (const p of paths) {
      const name = relative(nabDir, p);
      const wins = labels[name];
      if (!wins) { process.stdout.write(`nab: ${name} has no entry in combined_windows.json; left out\n`); continue; }
      const f = replayed(p, name, wins.map(([a, b]) => [a!.slice(0, 19), b!.slice(0, 19)]), tmp);
      // A window must start and end on rows of its file (NAB's do); one that does not is left out.
      f.windows = f.windows.filter(([a, b]) => {
        const ok = f.ts.includes(a) && f.ts.includes(b);
        if (!ok) process.stdout.write(`nab: ${name}: window ${a} .. ${b} is not on rows of the file; left out\n`);
        return ok;
      });
      files.push(f);
    }
  } finally { rmSync(tmp, { recursive: true, force: true }); }
  return files;
}

export async function main(): Promise<Record<string, unknown> | undefined> {
  const files = loadCorpus(NAB_DIR);
  if (typeof files === 'string') { process.stdout.write(`nab: ${files}; skipped\n`); return undefined; }
  const byScore = nabScore(files, (f) => (i) => f.score[i]!, undefined, 'anomaly_score (every row at or above the best corpus threshold is a detection):');
  const byLevel = nabScore(files, (f) => (i) => f.firstOfAlarm[i]!, 1, 'level (the first row of each alarm is one detection):');
  const rows = files.reduce((a, f) => a + f.ts.length, 0);
  process.stdout.write(`\nNAB standard profile over ${files.length} files, ${rows.toLocaleString('en')} rows, ${byScore.windows} windows:\n`);
  process.stdout.write(`  anomaly_score (best threshold ${byScore.threshold.toFixed(4)}): ${byScore.score.toFixed(1)}\n`);
  process.stdout.write(`  level (alarms as raised):            ${byLevel.score.toFixed(1)}\n`);
  process.stdout.write('  (null detector 0, perfect 100; the best published streaming detectors: 70–75 on the full corpus)\n');
  const result = {
    nabDir: NAB_DIR, files: files.length, rows, windows: byScore.windows,
    anomalyScore: { threshold: byScore.threshold, score: Number(byScore.score.toFixed(2)), perFile: byScore.perFile },
    level: { score: Number(byLevel.score.toFixed(2)), perFile: byLevel.perFile },
  };
  const outDir = new URL('./results/', import.meta.url).pathname;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'nab.json'), `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

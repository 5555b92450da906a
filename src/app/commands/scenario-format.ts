/** A scenario result as the CLI shows it (the API's shape; `id` null when it was not saved). */
export interface ScenarioView {
  readonly id: string | null;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly summary: string;
  readonly affected: {
    readonly assets: readonly { id: string; effect: string; name?: string }[];
    readonly population: number;
    readonly facilities: readonly { id: string; name?: string; facility: string; effect: string }[];
  };
  readonly actions: readonly { order: number; text: string; atMin?: number; by?: string }[];
  readonly layers: Readonly<Record<string, { features: readonly unknown[] }>>;
}

const SHOWN = 8;

/** Readable text: the summary first (what a duty officer reads), then counts, facilities, actions, layers. */
export function formatScenario(v: ScenarioView): string {
  const effects = new Map<string, number>();
  for (const a of v.affected.assets) effects.set(a.effect, (effects.get(a.effect) ?? 0) + 1);
  const params = Object.entries(v.params).map(([k, x]) => `${k}=${Array.isArray(x) ? x.join(',') : String(x)}`).join(' ');
  const lines = [
    `${v.kind} ${params}${v.id ? `   (saved as ${v.id})` : ''}`,
    '',
    wrap(v.summary),
    '',
    `Affected: ${v.affected.assets.length} asset(s)${effects.size ? ` (${[...effects].map(([e, n]) => `${n} ${e}`).join(', ')})` : ''}, about ${v.affected.population.toLocaleString('en')} people, ${v.affected.facilities.length} critical facilit${v.affected.facilities.length === 1 ? 'y' : 'ies'}`,
    ...v.affected.facilities.slice(0, SHOWN).map((f) => `  - ${f.name ?? f.id} (${f.facility}): ${f.effect}`),
    ...(v.affected.facilities.length > SHOWN ? [`  … and ${v.affected.facilities.length - SHOWN} more`] : []),
    '',
    'Actions:',
    ...v.actions.slice(0, 2 * SHOWN).map((a) => `  ${String(a.order).padStart(2)}. ${a.text}${a.atMin !== undefined ? ` (by ${a.atMin} min)` : ''}${a.by ? ` [${a.by}]` : ''}`),
    ...(v.actions.length > 2 * SHOWN ? [`  … and ${v.actions.length - 2 * SHOWN} more`] : []),
    '',
    `Map layers (GeoJSON, --json): ${Object.entries(v.layers).map(([n, l]) => `${n} ${l.features.length}`).join(', ')}`,
    '',
  ];
  return lines.join('\n');
}

function wrap(text: string, width = 100): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/** Counts rejections by reason and keeps a few examples of each, for the summary. */
export class RejectionTally {
  private readonly byReason = new Map<string, { count: number; examples: string[] }>();
  total = 0;

  add(reason: string, where: string): void {
    this.total++;
    let r = this.byReason.get(reason);
    if (!r) { r = { count: 0, examples: [] }; this.byReason.set(reason, r); }
    r.count++;
    if (r.examples.length < 3) r.examples.push(where);
  }

  summary(): string {
    if (this.total === 0) return '  nothing rejected';
    return [...this.byReason.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([reason, r]) => `  ${String(r.count).padStart(9)} × ${reason}  (e.g. ${r.examples.join(', ')})`)
      .join('\n');
  }
}

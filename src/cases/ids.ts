/** Case ids sort by opening time (lists are newest first by id): C-YYYYMMDD-hhmmss-nnnn (UTC). */
export function caseId(openedAt: number, serial: number): string {
  const iso = new Date(openedAt).toISOString();
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
  return `C-${stamp}-${String(serial % 10_000).padStart(4, '0')}`;
}

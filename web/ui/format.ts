import type { Translate } from '../i18n';

export function formatTime(iso: string | number | undefined | null, lang: string): string {
  if (iso === undefined || iso === null || iso === '') return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function ago(iso: string | number | undefined, t: Translate, now = Date.now()): string {
  const ms = now - new Date(iso ?? 0).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return t('common.justNow');
  if (ms < 3_600_000) return t('common.minutesAgo', { n: Math.floor(ms / 60_000) });
  if (ms < 86_400_000) return t('common.hoursAgo', { n: Math.floor(ms / 3_600_000) });
  return t('common.daysAgo', { n: Math.floor(ms / 86_400_000) });
}

export function formatNumber(n: number | undefined | null, lang: string, digits = 0): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '—';
  return n.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: digits });
}

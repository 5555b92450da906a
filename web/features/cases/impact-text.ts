import { useCallback } from 'react';
import { useCity } from '../../api/city';
import { useI18n, useLabel, type MessageKey } from '../../i18n';
import { formatNumber } from '../../ui/format';

/** An impact as a case or a scenario carries it; the models' own summary and action texts are English. */
export interface ImpactLike {
  kind?: string;
  summary?: string;
  population?: number;
  affected?: { assets?: unknown[] | number; population?: number; facilities?: unknown[] | number };
}
export interface ImpactActionLike { code?: string; text?: string; targets?: readonly string[]; by?: string; atMin?: number }

const SHOWN_TARGETS = 4;
const SHOWN_FACILITIES = 3;

/** Impact summaries and actions said from their numbers and codes, in the reader's language. */
export function useImpactText(): { summary(i: ImpactLike): string; action(a: ImpactActionLike): { title: string; targets: string | null } } {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { assetsById } = useCity();
  // Targets are asset ids: said by their names where the city knows them.
  const nameOf = useCallback((id: string) => {
    const p = assetsById.get(id)?.properties;
    return String((lang === 'en' ? p?.nameEn : undefined) ?? p?.name ?? id);
  }, [assetsById, lang]);

  const summary = useCallback((i: ImpactLike): string => {
    const count = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);
    const kindKey = `scn.kind.${i.kind ?? ''}` as MessageKey;
    const text = t(t(kindKey) === kindKey ? 'impact.summary.plain' : 'impact.summary', {
      kind: t(kindKey), assets: formatNumber(count(i.affected?.assets), lang),
      population: formatNumber(i.affected?.population ?? i.population ?? 0, lang), facilities: formatNumber(count(i.affected?.facilities), lang),
    });
    const facilities = Array.isArray(i.affected?.facilities) ? i.affected.facilities as { id?: string; name?: string; facility?: string }[] : [];
    if (!facilities.length) return text;
    const names = facilities.slice(0, SHOWN_FACILITIES).map((f) => `${f.name ?? f.id ?? ''}${f.facility ? (lang === 'en' ? ` (${label('facility', f.facility)})` : `（${label('facility', f.facility)}）`) : ''}`);
    const more = facilities.length > SHOWN_FACILITIES ? ` ${t('impact.more', { n: facilities.length - SHOWN_FACILITIES })}` : '';
    return `${text} ${t('impact.summary.facilities', { list: `${names.join(lang === 'en' ? ', ' : '、')}${more}` })}`;
  }, [t, lang, label]);

  const action = useCallback((a: ImpactActionLike) => {
    const titleKey = `impactAction.${a.code ?? ''}` as MessageKey;
    const title = t(titleKey) === titleKey ? (lang === 'en' ? a.text ?? a.code ?? '' : label('impactAction', a.code ?? '')) : t(titleKey);
    const list = (a.targets ?? []).filter(Boolean);
    const more = list.length > SHOWN_TARGETS ? ` ${t('impact.more', { n: list.length - SHOWN_TARGETS })}` : '';
    const targets = list.length ? t('impact.targets', { list: `${list.slice(0, SHOWN_TARGETS).map(nameOf).join(lang === 'en' ? ', ' : '、')}${more}` }) : null;
    return { title, targets };
  }, [t, lang, label, nameOf]);

  return { summary, action };
}

import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { go, href } from '../../ui/router';
import { byLevelThenTime, isActive } from './case-order';
import { CaseFilters, NO_FILTERS, applyFilters, type Filters } from './CaseFilters';
import { CaseRow } from './CaseRow';
import { useCases } from './cases-store';

/** The live warning list: active cases, worst and newest first, filterable; new red/orange rows flash. */
export function CaseList({ selected, scope }: { selected?: string; scope?: (c: import('../../api/types').Case) => boolean }) {
  const { t } = useI18n();
  const { cases, unavailable, fresh, seen } = useCases();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const list = useMemo(() => applyFilters(cases.filter((c) => isActive(c) && (!scope || scope(c))), filters).sort(byLevelThenTime), [cases, filters, scope]);
  return (
    <section className="case-list">
      <header className="panel-head">
        <h2>{t('cases.title')}</h2>
        <span className="muted">{t('cases.count', { n: list.length })}</span>
      </header>
      <CaseFilters value={filters} onChange={setFilters} />
      {unavailable && <p className="notice">{t('cases.unavailable')}</p>}
      {!unavailable && list.length === 0 && <p className="muted pad">{t('cases.empty')}</p>}
      <ul>
        {list.map((c) => (
          <CaseRow key={c.id} c={c} fresh={fresh.has(c.id)} selected={c.id === selected}
            onOpen={() => { seen(c.id); go(href.case(c.id)); }} />
        ))}
      </ul>
    </section>
  );
}

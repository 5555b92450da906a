import { useCallback, useMemo, useState } from 'react';
import { useCity } from '../../api/city';
import { useSession } from '../../api/session';
import type { Case } from '../../api/types';
import { useI18n } from '../../i18n';
import { go, href } from '../../ui/router';
import { CaseDetail } from '../cases/CaseDetail';
import { CaseRow } from '../cases/CaseRow';
import { byLevelThenTime, isActive } from '../cases/case-order';
import { useCases } from '../cases/cases-store';

/** A handler's desk: the department's cases first, the opened one beside them with accept / report / resolve. */
export function DepartmentView({ caseId }: { caseId?: string }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { departments } = useCity();
  const { cases, fresh, unavailable } = useCases();
  const mine = user?.department ?? '';
  const pickedKey = 'lifeline.department';
  const [chosen, setChosen] = useState(() => localStorage.getItem(pickedKey) ?? '');
  const picked = mine || chosen;
  const scope = useCallback((c: Case) => !picked || c.department === picked, [picked]);
  const list = useMemo(() => cases.filter((c) => isActive(c) && scope(c)).sort(byLevelThenTime), [cases, scope]);
  return (
    <div className="page department">
      <aside className="side-list">
        <header className="panel-head">
          <h2>{t('department.mine')}</h2>
          {!mine && (
            <select value={picked} onChange={(e) => { localStorage.setItem(pickedKey, e.target.value); setChosen(e.target.value); }}>
              <option value="">{t('common.all')}</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{lang === 'en' ? d.nameEn ?? d.name : d.name}</option>)}
            </select>
          )}
        </header>
        {unavailable && <p className="notice">{t('cases.unavailable')}</p>}
        {!unavailable && list.length === 0 && <p className="muted pad">{t('department.empty')}</p>}
        <ul className="case-list-ul">{list.map((c) => <CaseRow key={c.id} c={c} fresh={fresh.has(c.id)} selected={c.id === caseId} onOpen={() => go(href.department(c.id))} />)}</ul>
      </aside>
      <main className="department-detail">{caseId ? <CaseDetail id={caseId} /> : <p className="muted pad">{t('department.pickCase')}</p>}</main>
    </div>
  );
}

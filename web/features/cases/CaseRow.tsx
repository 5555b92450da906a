import type { Case } from '../../api/types';
import { useCity, useDepartmentName } from '../../api/city';
import { useI18n, useLabel } from '../../i18n';
import { ago } from '../../ui/format';
import { isOverdue, openedAt } from './case-order';
import { useServerText } from './server-text';

/** One row of the live warning list: level badge, what and where, state, how long ago, overdue flag. */
export function CaseRow({ c, fresh, selected, onOpen }: { c: Case; fresh: boolean; selected: boolean; onOpen(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const dept = useDepartmentName();
  const { assetsById } = useCity();
  const asset = c.asset ? assetsById.get(c.asset) : undefined;
  const where = asset ? String((lang === 'en' ? asset.properties.nameEn : undefined) ?? asset.properties.name ?? asset.id) : c.asset ?? '';
  const { caseTitle } = useServerText();
  const overdue = isOverdue(c);
  return (
    <li data-testid="case-item" data-case-id={c.id} data-level={c.level}
      className={`case-row level-${c.level}${fresh ? ' fresh' : ''}${selected ? ' selected' : ''}${overdue ? ' overdue' : ''}`}
      onClick={onOpen} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(); }} tabIndex={0} role="button">
      <span className={`badge level-${c.level}`}>{label('level', c.level)}</span>
      <div className="case-main">
        <div className="case-title">{caseTitle(c)}</div>
        <div className="case-sub">
          <span>{label('domain', c.domain)}</span>
          {where && <span>{where}</span>}
          {c.department && <span>{dept(c.department, lang)}</span>}
        </div>
      </div>
      <div className="case-side">
        <span className={`state state-${c.state}`}>{label('state', c.state)}</span>
        <span className="muted small">{ago(openedAt(c), t)}</span>
        {overdue && <span className="overdue-flag">{t('cases.overdue')}</span>}
        {fresh && <span className="fresh-flag">{t('cases.new')}</span>}
      </div>
    </li>
  );
}

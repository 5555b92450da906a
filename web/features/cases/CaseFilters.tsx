import { useCity } from '../../api/city';
import { useI18n, useLabel } from '../../i18n';

export interface Filters { domain: string; level: string; department: string; state: string; class: string }
/** Hazards first by default: device-fault cases (a sensor needs a visit) are one click away. */
export const NO_FILTERS: Filters = { domain: '', level: '', department: '', state: '', class: '' };

const DOMAINS = ['gas', 'water', 'drainage', 'heating', 'power', 'bridge', 'tunnel', 'hydrant', 'building', 'environment'];
const STATES = ['open', 'assessing', 'confirmed', 'dispatched', 'in_progress', 'resolved'];

export function CaseFilters({ value, onChange }: { value: Filters; onChange(f: Filters): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { departments } = useCity();
  const select = (key: keyof Filters, title: string, options: [string, string][]) => (
    <label className="filter">
      <span>{title}</span>
      <select value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} data-filter={key}>
        <option value="">{t('common.all')}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
  return (
    <div className="filters">
      {select('level', t('cases.filter.level'), ['1', '2', '3', '4'].map((l) => [l, label('level', l)]))}
      {select('domain', t('cases.filter.domain'), DOMAINS.map((d) => [d, label('domain', d)]))}
      {select('state', t('cases.filter.state'), STATES.map((s) => [s, label('state', s)]))}
      {select('department', t('cases.filter.department'), departments.map((d) => [d.id, lang === 'en' ? d.nameEn ?? d.name : d.name]))}
      {select('class', t('cases.filter.class'), [['hazard', label('class', 'hazard')], ['device', label('class', 'device')]])}
    </div>
  );
}

export function applyFilters<T extends { domain: string; level: number; department?: string | null; state: string; class?: string }>(list: T[], f: Filters): T[] {
  return list.filter((c) => (!f.domain || c.domain === f.domain) && (!f.level || String(c.level) === f.level) && (!f.class || (c.class ?? 'hazard') === f.class)
    && (!f.department || c.department === f.department) && (!f.state || c.state === f.state));
}

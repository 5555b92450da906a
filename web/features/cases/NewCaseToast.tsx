import { useI18n, useLabel } from '../../i18n';
import { go, href } from '../../ui/router';
import { useCases } from './cases-store';
import { useServerText } from './server-text';

/** The visible cue for a new red or orange case: a banner in the level's colour until it is opened. */
export function NewCaseToast() {
  const { t } = useI18n();
  const label = useLabel();
  const { cases, fresh, seen } = useCases();
  const { caseTitle } = useServerText();
  const urgent = cases.filter((c) => fresh.has(c.id)).sort((a, b) => a.level - b.level)[0];
  if (!urgent) return null;
  return (
    <button type="button" className={`toast level-${urgent.level}`} data-testid="new-case-toast" onClick={() => { seen(urgent.id); go(href.case(urgent.id)); }}>
      {t('cases.newAlert', { level: label('level', urgent.level), title: caseTitle(urgent) })}
      {fresh.size > 1 && <span className="muted"> +{fresh.size - 1}</span>}
    </button>
  );
}

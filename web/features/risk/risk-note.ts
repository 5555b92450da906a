import { useCallback } from 'react';
import { useI18n, useLabel, type Translate } from '../../i18n';

type Label = (prefix: string, value: string | number | null | undefined) => string;
type Rule = [RegExp, (m: RegExpExecArray, t: Translate, label: Label) => string];

/**
 * The risk model explains each factor and each renewal reason in a short English note built from a
 * fixed set of patterns (src/risk/explain.ts). Each pattern is said again from the i18n files, with
 * its numbers and names; a note no pattern knows is shown as the server wrote it.
 */
const RULES: Rule[] = [
  [/^(\d+) years old; (.+) service life (\d+) years$/, (m, t) => t('note.age', { age: m[1]!, life: m[3]! })],
  [/^install year unknown$/, (_m, t) => t('note.ageUnknown')],
  [/^pressure class (\S+)$/, (m, t) => t('note.pressureClass', { c: m[1]! })],
  [/^up to ([\d.]+) MPa$/, (m, t) => t('note.pressureMax', { p: m[1]! })],
  [/^typical pressure of the domain$/, (_m, t) => t('note.pressureTypical')],
  [/^DN(\d+) \(smaller mains break more often\)$/, (m, t) => t('note.diameter', { dn: m[1]! })],
  [/^no diameter$/, (_m, t) => t('note.noDiameter')],
  [/^(\d+) past hazard case\(s\) in the history window$/, (m, t) => t('note.history', { n: m[1]! })],
  [/^not monitored$/, (_m, t) => t('note.notMonitored')],
  [/^(\d+) of (\d+) sensor\(s\) offline or faulty$/, (m, t) => t('note.sensorHealth', { k: m[1]!, n: m[2]! })],
  [/^no condition report$/, (_m, t) => t('note.noCondition')],
  [/^condition grade (\S+) of 4$/, (m, t) => t('note.condition', { g: m[1]! })],
  [/^works nearby: (.+)$/, (m, t) => t('note.works', { name: m[1]! })],
  [/^no works nearby$/, (_m, t) => t('note.noWorks')],
  [/^failure severity of (\w+)$/, (m, t, label) => t('note.severity', { domain: label('domain', m[1]) })],
  [/^about ([\d,]+) residents within reach$/, (m, t) => t('note.population', { n: m[1]! })],
  [/^no critical facility within reach$/, (_m, t) => t('note.noFacility')],
  [/^(\w+) (\S+) at (\d+) m$/, (m, t, label) => t('note.facility', { type: label('facility', m[1]), id: m[2]!, d: m[3]! })],
  [/^no road within reach$/, (_m, t) => t('note.noRoad')],
  [/^(arterial|local) road (.+)$/, (m, t) => t(m[1] === 'arterial' ? 'note.roadArterial' : 'note.roadLocal', { name: m[2]! })],
  [/^([\d,]+) residents served( \(no alternative path\))?$/, (m, t) => t(m[2] ? 'note.servedOnly' : 'note.served', { n: m[1]! })],
];

/** "steel (钢管)": the name in the reader's language. */
const BILINGUAL = /^(.+) \(([^()]*[\u4e00-\u9fff][^()]*)\)$/;

export function useRiskNote(): (note: string) => string {
  const { t, lang } = useI18n();
  const label = useLabel();
  return useCallback((note: string) => {
    for (const [re, say] of RULES) { const m = re.exec(note); if (m) return say(m, t, label); }
    const both = BILINGUAL.exec(note);
    if (both) return lang === 'en' ? both[1]! : both[2]!;
    return note;
  }, [t, lang, label]);
}


import { useCallback } from 'react';
import { useCity } from '../../api/city';
import type { Alarm, Case, Sensor, TimelineEntry } from '../../api/types';
import { useI18n, useLabel, type MessageKey } from '../../i18n';
import { formatTime } from '../../ui/format';
import { caseAlarms } from './case-parts';

/** A case's alarm carries no rule id of its own, but its id is `<sensor>/<rule>/<raisedAt>`. */
export function ruleIdOf(alarmId: string | undefined, sensor: string | undefined): string | undefined {
  if (!alarmId || !sensor || !alarmId.startsWith(`${sensor}/`)) return undefined;
  const rest = alarmId.slice(sensor.length + 1);
  const cut = rest.lastIndexOf('/');
  return cut > 0 ? rest.slice(0, cut) : undefined;
}

export interface ServerText {
  caseTitle(c: Case): string;
  alarmMessage(a: Alarm): string;
  /** A timeline entry's note: people's notes as written, the system's said in the reader's language. */
  timelineNote(e: TimelineEntry): string | undefined;
  /** A sensor's name: the registry's (Chinese, "<asset> <quantity>") in Chinese, else its asset's name and its quantity. */
  sensorName(s: Pick<Sensor, 'id' | 'name' | 'asset' | 'quantity'>): string;
  /** Who acted: a user's name, or "the system" in the reader's language. */
  actor(name: string | undefined): string;
}

/**
 * The server writes case titles, alarm messages and system notes for logs, in English or mixed
 * text. Where their parts are codes (the asset, the class, the rule, the kind, the milestone) the
 * dashboard says them in the reader's language, and keeps the server's text as the last resort.
 */
export function useServerText(): ServerText {
  const { t, lang } = useI18n();
  const label = useLabel();
  const { assetsById } = useCity();

  const known = useCallback((key: string): string | null => { const text = t(key as MessageKey); return text === key ? null : text; }, [t]);
  const ruleName = useCallback((ruleId: string | undefined, kind: string | undefined) =>
    (ruleId ? known(`rule.${ruleId}`) : null) ?? (kind ? label('alarmKind', kind) : ruleId ?? ''), [known, label]);

  /** An alarm message ("heavy rainfall: 120 ≥ 100 rainfall (level Red)") from its rule and numbers. */
  const message = useCallback((text: string, ruleId: string | undefined, kind: string | undefined): string => {
    const rule = ruleName(ruleId, kind);
    const th = /:\s*(-?[\d.]+)\s*(≥|≤)\s*(-?[\d.]+)/.exec(text);
    if (th) return t('alarm.msg.threshold', { rule, value: th[1]!, op: th[2]!, threshold: th[3]! });
    const off = /no reading for (\d+) min/.exec(text);
    if (off) return t('alarm.msg.offline', { rule, n: off[1]! });
    if (lang === 'en' && text) return text;
    const kindText = label('alarmKind', kind ?? '');
    // "数值突跳（突跳）" says it twice: the rule's name alone when it already names the kind.
    return !kind || rule.toLowerCase().includes(kindText.toLowerCase()) ? rule : t('alarm.msg.other', { rule, kind: kindText });
  }, [ruleName, t, lang, label]);

  const alarmMessage = useCallback((a: Alarm) => message(a.message ?? '', a.source ?? ruleIdOf(a.id, a.sensor), a.kind), [message]);

  const caseTitle = useCallback((c: Case): string => {
    const asset = c.asset ? assetsById.get(c.asset) : undefined;
    const name = asset ? String((lang === 'en' ? asset.properties.nameEn : undefined) ?? asset.properties.name ?? asset.id) : null;
    // The grouper titles a case by its asset, with "设备故障 device fault" for a sensor fault.
    if (!name) return c.title?.replace(/\s*设备故障 device fault$/, '') ?? `${label('domain', c.domain)} · ${c.asset ?? ''}`;
    if (c.class === 'device') return `${name} · ${label('class', 'device')}`;
    const worst = caseAlarms(c).filter((a) => a.class !== 'device').sort((x, y) => x.level - y.level)[0];
    return worst ? `${name} · ${ruleName(worst.source ?? ruleIdOf(worst.id, worst.sensor), worst.kind)}` : name;
  }, [assetsById, lang, label, ruleName]);

  const timelineNote = useCallback((e: TimelineEntry): string | undefined => {
    if (!e.note || e.actor !== 'system') return e.note;
    const data = e.data ?? {};
    switch (e.action) {
      case 'open': case 'attach': case 'escalate': case 'alarm': {
        const alarmId = typeof data.alarm === 'string' ? data.alarm : undefined;
        const sensor = alarmId?.split('/')[0];
        return message(e.note, ruleIdOf(alarmId, sensor), undefined);
      }
      case 'impact': return t('note.impactAssessed');
      case 'overdue': return t('note.overdue', { milestone: label('milestone', String(data.milestone ?? '')), due: formatTime(data.due as string | number | undefined, lang) });
      case 'self_clear': return t('note.selfClear');
      default: return lang === 'en' ? e.note : undefined;
    }
  }, [message, t, label, lang]);

  const sensorName = useCallback((s: Pick<Sensor, 'id' | 'name' | 'asset' | 'quantity'>): string => {
    if (lang !== 'en' && s.name) return s.name;
    const p = assetsById.get(s.asset)?.properties;
    const where = p ? String((lang === 'en' ? p.nameEn : undefined) ?? p.name ?? s.asset) : null;
    return where ? `${where} · ${label('quantity', s.quantity)}` : s.name ?? s.id;
  }, [lang, assetsById, label]);

  const actor = useCallback((name: string | undefined) => (name === 'system' ? t('actor.system') : name ?? ''), [t]);

  return { caseTitle, alarmMessage, timelineNote, sensorName, actor };
}

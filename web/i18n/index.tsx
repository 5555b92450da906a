import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'lifeline.lang';

/** The saved choice, else the browser's language: Chinese for any zh-*, English otherwise. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return (navigator.language || 'zh-CN').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = DICTIONARIES[lang][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
}

interface I18n { lang: Lang; t: Translate; toggle(): void; }
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const toggle = useCallback(() => setLang((l) => {
    const next = l === 'zh-CN' ? 'en' : 'zh-CN';
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    return next;
  }), []);
  const value = useMemo<I18n>(() => ({ lang, toggle, t: (key, vars) => translate(lang, key, vars) }), [lang, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** A name for a dynamic key (domain, level, state …), falling back to the raw value when unknown. */
export function useLabel(): (prefix: string, value: string | number | null | undefined) => string {
  const { t } = useI18n();
  return (prefix, value) => {
    if (value === null || value === undefined) return '—';
    const key = `${prefix}.${value}` as MessageKey;
    const text = t(key);
    if (text !== key) return text;
    return prefix === 'attr' ? String(value).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/M$/, ' (m)').toLowerCase() : String(value);
  };
}

import { useState, type ReactNode } from 'react';
import { useLiveStatus } from '../api/live';
import { useSession } from '../api/session';
import { useI18n, useLabel } from '../i18n';
import { audioReady, unlockAudio } from '../features/cases/alert-cue';
import { useCases } from '../features/cases/cases-store';
import { href, type Route } from './router';

/** The top bar (title, pages, live link, sound, language, user) over the page. */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, toggle } = useI18n();
  const label = useLabel();
  const { user, logout } = useSession();
  const { fresh } = useCases();
  const up = useLiveStatus();
  const [sound, setSound] = useState(audioReady());
  const on = (page: Route['page'][]) => (page.includes(route.page) ? 'on' : '');
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand"><span className="logo">◉</span><span>{t('app.title')}</span></div>
        <nav>
          <a href={href.map()} className={on(['map', 'case', 'sensor', 'asset'])}>{t('nav.map')}{fresh.size > 0 && <span className="dot" />}</a>
          <a href={href.risk()} className={on(['risk'])}>{t('nav.risk')}</a>
          <a href={href.scenarios()} className={on(['scenarios'])}>{t('nav.scenarios')}</a>
          <a href={href.overview()} className={on(['overview'])}>{t('nav.overview')}</a>
          <a href={href.department()} className={on(['department'])}>{t('nav.department')}</a>
        </nav>
        <div className="tools">
          <span className={`live ${up ? 'up' : 'down'}`} title={up ? t('common.live') : t('common.offlineLink')}>● {up ? t('common.live') : t('common.offlineLink')}</span>
          <button type="button" className={`ghost${sound ? ' on' : ''}`} onClick={() => { unlockAudio(); setSound(true); }} data-testid="sound-toggle">{sound ? t('cue.on') : t('cue.enable')}</button>
          <button type="button" className="ghost" data-testid="lang-toggle" onClick={toggle}>{t('lang.toggle')}</button>
          {user && <span className="user">{user.username} · {label('role', user.role)}</span>}
          <button type="button" className="ghost" onClick={logout}>{t('nav.logout')}</button>
        </div>
      </header>
      <div className="body">{children}</div>
    </div>
  );
}

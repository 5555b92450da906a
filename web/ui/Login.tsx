import { useState, type FormEvent } from 'react';
import { useSession } from '../api/session';
import { useI18n } from '../i18n';
import { unlockAudio } from '../features/cases/alert-cue';

export function Login() {
  const { t, toggle } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    unlockAudio(); // the login click is the gesture that lets the alarm cue sound later
    setBusy(true); setFailed(false);
    try { await login(username, password); } catch { setFailed(true); } finally { setBusy(false); }
  };
  return (
    <div className="login-page">
      <form className="login card" onSubmit={(e) => void submit(e)}>
        <h1>{t('app.title')}</h1>
        <p className="muted">Lifeline</p>
        <label>{t('login.username')}<input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus /></label>
        <label>{t('login.password')}<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {failed && <p className="error">{t('login.failed')}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</button>
        <button type="button" className="ghost" data-testid="lang-toggle" onClick={toggle}>{t('lang.toggle')}</button>
      </form>
    </div>
  );
}

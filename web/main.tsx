import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initialLang } from './i18n';
import './ui/styles.css';

document.documentElement.lang = initialLang();
createRoot(document.getElementById('root')!).render(<App />);

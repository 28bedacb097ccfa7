import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './lib/i18n';
import { initialLocale } from './lib/locale';

async function start(): Promise<void> {
  await initI18n(initialLocale());
  const container = document.getElementById('root');
  if (!container) {
    throw new Error('Evne: #root is missing from index.html');
  }
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();

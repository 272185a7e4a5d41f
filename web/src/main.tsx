import { render } from 'preact';
import { App } from './app';
import { LangProvider } from './i18n';
import './styles.css';

const root = document.getElementById('app');
if (root)
  render(
    <LangProvider>
      <App />
    </LangProvider>,
    root,
  );

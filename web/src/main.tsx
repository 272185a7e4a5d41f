import { render } from 'preact';
import { App } from './app';
import { LangProvider, startI18n } from './i18n';
import './styles.css';

const root = document.getElementById('app');
if (root)
  void startI18n().then(() =>
    render(
      <LangProvider>
        <App />
      </LangProvider>,
      root,
    ),
  );

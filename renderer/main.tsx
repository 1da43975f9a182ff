// Entry point: picks how to reach main, builds the store, and renders the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickBridge } from './app/bridge/pick-bridge.ts';
import { createAppStore } from './app/app-store.ts';
import { animationFrames } from './app/animation-frames.ts';
import { StoreContext } from './app/store-context.ts';
import { App } from './App.tsx';
import { NoKeyNotice } from './ui/NoKeyNotice.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/projects.css';
import './styles/phases.css';
import './styles/migration.css';
import './styles/wizard.css';
import './styles/provisioning.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element.');

const bridge = pickBridge();
const store = bridge.ok ? createAppStore(bridge.api, animationFrames) : null;
createRoot(container).render(
  <StrictMode>
    {store ? (
      <StoreContext value={store}>
        <App />
      </StoreContext>
    ) : (
      <NoKeyNotice />
    )}
  </StrictMode>,
);

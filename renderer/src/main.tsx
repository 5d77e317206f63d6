import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { BridgeContext } from './bridge-context.js';
import { pickBridge } from './bridge/index.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BridgeContext.Provider value={pickBridge()}>
        <App />
      </BridgeContext.Provider>
    </StrictMode>,
  );
}

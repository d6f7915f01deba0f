import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { applyTheme, initialTheme } from './shell/theme.js';
import './styles.css';

// Before the first paint, so a dark-theme user never sees a white flash.
applyTheme(initialTheme());

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);

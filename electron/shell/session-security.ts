// Locks down the session and every webContents: no permissions, no remote requests, no navigation,
// no new windows, no <webview>.
import { app, session, type Session } from 'electron';
import { isAllowedRequestUrl, isAppUrl } from './request-policy.js';
import { openExternalIfAllowed } from './external-links.js';

export function hardenSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn('[dossier] blocked request to', details.url);
    callback({ cancel: !allowed });
  });
}

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalIfAllowed(url);
      return { action: 'deny' };
    });
  });
}

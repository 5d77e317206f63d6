// The Chromium the browser-driven tests launch: Debian's by default (.ci/run installs it); the
// release workflow points DOSSIER_CHROMIUM at the browser its macOS, Windows and Ubuntu runners have.
export const CHROMIUM = process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium';

// The Chromium the browser-driven tests launch (playwright-core, no browser download): Debian's by
// default (.ci/run installs it); the release workflow points DOSSIER_CHROMIUM at the browser its
// macOS, Windows and Ubuntu runners have. How it is started, for every test that renders a page.
export const CHROMIUM = process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

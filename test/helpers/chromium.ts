// Debian's Chromium, driven by playwright-core (no browser download): where it is and how it is
// started, for every test that renders or screenshots a page.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// End-to-end tests run in Chromium against the builds that global-setup.ts makes and serves
// (tests/e2e/builds.ts). The browser is CHROMIUM_PATH, else Debian's headless shell, else a
// Chromium that Playwright itself installed, else Debian's /usr/bin/chromium.
import { defineConfig, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

function findChromium(): string {
  const candidates = [
    process.env['CHROMIUM_PATH'],
    // The same Blink as the browser without its window layers (Debian's chromium-headless-shell,
    // what Playwright itself runs headless): the suite, CPU-bound on two cores, took 102 s in it
    // against 161 s in the full browser, every test passing in both. The binary, not the
    // /usr/bin wrapper script, so that Playwright's pipe and signals reach the browser itself.
    '/usr/lib/chromium/chromium-headless-shell',
    safely(() => chromium.executablePath()),
    '/usr/bin/chromium',
  ];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found. Set CHROMIUM_PATH to a Chromium binary, or install one: "apt-get install -y chromium-headless-shell" (or chromium) on Debian (.ci/run does this), or "npx playwright install chromium" where downloads are allowed.',
  );
}

function safely(get: () => string): string | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: './e2e',
  // The screenshots are pictures for people to look at, not checks (every-page.spec.ts checks the
  // reflow they also show): `npm run screenshots` takes them; `npm test` leaves them out, to stay
  // within its four minutes.
  testIgnore: process.env['SCREENSHOTS'] === '1' ? [] : ['**/screenshots.spec.ts'],
  globalSetup: './e2e/global-setup.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Never open an HTML report: CI has no terminal and no one to close it.
  reporter: [['list']],
  use: {
    // Set by global-setup.ts, which runs before the workers start (they read this file again).
    baseURL: process.env['E2E_SITE_URL'],
    locale: 'ja-JP',
    // A first visit installs the service worker, which fetches the whole site for offline reading
    // (360 files of the real site): in every new context, that is most of what a short test costs.
    // The tests of the worker itself (offline.spec.ts, search offline) and the visit of every page
    // (every-page.spec.ts, whose pages after the first go through the worker's fetch handler, as a
    // reader's do) allow it; the rest test the pages.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

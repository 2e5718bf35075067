import { defineConfig } from '@playwright/test';

// End-to-end tests against the release build in dist/ (make test builds it first), in Debian's
// Chromium: Playwright never downloads a browser here.
const port = 8090;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'fr-FR',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--no-first-run'],
    },
  },
  webServer: {
    command: `node e2e/server.mjs ${port} dist`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});

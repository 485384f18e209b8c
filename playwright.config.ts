import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.LOTSE_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// The config is evaluated in the runner and again in every worker; the environment carries the
// directory over so that all of them agree on one fresh database per run.
process.env.LOTSE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-e2e-'));
const dataDir = process.env.LOTSE_E2E_DATA_DIR;

// Only the runner cleans up (workers set TEST_WORKER_INDEX); by its exit the web server has stopped.
if (process.env.TEST_WORKER_INDEX === undefined) {
  process.once('exit', () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.totp-step`, { force: true });
  });
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: {
      // Debian's chromium; Playwright's own browser downloads are never used.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'npm run build:client && npx tsx src/server/main.ts',
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOTSE_SEED: 'demo',
      LOG_LEVEL: 'warn',
      TZ: 'UTC',
    },
  },
});

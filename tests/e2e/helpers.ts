import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_ADMIN_TOTP_SECRET } from '../../src/server/db/seed-demo';

export const DEMO_PASSWORD = 'lotse-demo';
const TOTP_PERIOD_MS = 30_000;

/** Fills username and password and submits; stops at whatever step the server asks for next. */
export async function submitPassword(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await submitPassword(page, username, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
}

/**
 * A TOTP code for the demo admin that the server has not seen yet. The server refuses a code from a
 * time step it has already accepted (replay protection), so successive sign-ins wait for the next
 * step. The last used step is kept in a file next to the run's data directory, because each test file
 * may run in a fresh worker process.
 */
export async function freshAdminTotpCode(): Promise<string> {
  const stateFile = path.join(`${process.env.LOTSE_E2E_DATA_DIR ?? '/tmp/lotse-e2e'}.totp-step`);
  const lastStep = fs.existsSync(stateFile) ? Number(fs.readFileSync(stateFile, 'utf8')) : -1;
  let step = Math.floor(Date.now() / TOTP_PERIOD_MS);
  if (step <= lastStep) {
    const waitMs = (lastStep + 1) * TOTP_PERIOD_MS - Date.now() + 250;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    step = Math.floor(Date.now() / TOTP_PERIOD_MS);
  }
  const code = await generate({ secret: DEMO_ADMIN_TOTP_SECRET, epoch: step * 30 });
  fs.writeFileSync(stateFile, String(step));
  return code;
}

export async function loginAsAdmin(page: Page): Promise<void> {
  await submitPassword(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Zweiter Faktor' })).toBeVisible();
  await page.getByLabel('Sicherheitscode').fill(await freshAdminTotpCode());
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
}

/** Waits until no loading indicator is left, so that axe and assertions see the finished page. */
export async function settled(page: Page): Promise<void> {
  await expect(page.getByText('Wird geladen …')).toHaveCount(0);
}

/** Runs axe with the WCAG 2.1 A/AA rules and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}

/** Presses Tab until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 30): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target.toString()} with ${max} Tab presses`);
}

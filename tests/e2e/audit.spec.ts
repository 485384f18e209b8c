import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('audit viewer lists events, filters them and verifies the chain', async ({ page }) => {
  await login(page, 'dsb');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Protokoll' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await expect(page).toHaveTitle('Protokoll – Lotse');

  const table = page.getByRole('table', { name: 'Protokolleinträge' });
  const loginRow = table.getByRole('row').filter({ hasText: 'auth.login.succeeded' }).filter({ hasText: 'dsb' }).first();
  await expect(loginRow).toBeVisible();
  // German date and time, e.g. 24.11.2026, 02:43:20
  await expect(loginRow).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}/);
  await expect(loginRow).toContainText('Erfolg');

  await page.getByLabel('Ergebnis').selectOption({ label: 'Fehlschlag' });
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(page).toHaveURL(/outcome=failure/);
  await expect(table.getByRole('row').filter({ hasText: 'Erfolg' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Zurücksetzen' }).click();
  await page.getByLabel('Ereignistyp').selectOption('auth.login.succeeded');
  await page.getByRole('button', { name: 'Filter anwenden' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'auth.login.succeeded' }).first()).toBeVisible();
  await expect(table.getByRole('row').filter({ hasNotText: 'auth.login.succeeded' })).toHaveCount(1); // header row

  await page.getByRole('button', { name: 'Protokollkette prüfen' }).click();
  const result = page.getByRole('alert').filter({ hasText: 'Die Protokollkette ist unversehrt.' });
  await expect(result).toBeVisible();
  await expect(result).toBeFocused();
  await expect(result).toContainText(/\d+ Einträge wurden geprüft/);
  await expect(result.getByTestId('audit-head-hash')).toHaveText(/^[0-9a-f]{64}$/);
});

test('the audit viewer is not offered to caseworkers', async ({ page }) => {
  await login(page, 'abh');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Protokoll' })).toHaveCount(0);
  await page.goto('/protokoll');
  await expect(page.getByRole('heading', { level: 1, name: 'Kein Zugriff' })).toBeVisible();
});

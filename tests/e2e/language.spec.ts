import { expect, test } from '@playwright/test';
import { login } from './helpers';

test('switching to English after sign-in is remembered for the account', async ({ page, browser }) => {
  await login(page, 'wohnungsamt');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My workspace' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('My workspace – Lotse');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Agencies' })).toBeVisible();
  // The demo cases give the Wohnungsamt tasks: the card's heading, not its empty state.
  await expect(page.getByRole('heading', { name: 'My tasks' })).toBeVisible();

  await nav.getByRole('link', { name: 'Agencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agency directory' })).toBeVisible();
  await expect(page.getByText('Immigration office', { exact: true })).toBeVisible();

  // A new browser without local storage gets English from the account setting.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/anmelden');
  await expect(other.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await other.getByLabel('Benutzername').fill('wohnungsamt');
  await other.getByLabel('Passwort', { exact: true }).fill('lotse-demo');
  await other.getByRole('button', { name: 'Anmelden' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'My workspace' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');

  // Back to German, so the account is left as it was found.
  await other.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();
  await context.close();
});

test('the language can be switched on the login page', async ({ page }) => {
  await page.goto('/anmelden');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Please fill in this field.');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
});

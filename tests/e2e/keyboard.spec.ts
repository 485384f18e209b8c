import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, tabTo } from './helpers';

test('sign in and reach the agency directory with the keyboard only', async ({ page }) => {
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();

  // The skip link comes first and jumps to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();

  await tabTo(page, page.getByLabel('Benutzername'));
  await page.keyboard.type('steuerung');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Arbeitsplatz' })).toBeVisible();

  const agencies = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Behörden' });
  await tabTo(page, agencies);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Behördenverzeichnis' })).toBeVisible();
  await expect(agencies).toHaveAttribute('aria-current', 'page');

  // On to an agency: the card links are reachable in order.
  const jugendamt = page.getByRole('link', { name: 'Jugendamt' });
  await tabTo(page, jugendamt);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Jugendamt' })).toBeVisible();
});

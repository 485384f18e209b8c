import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, loginAsAdmin, settled, tabTo } from './helpers';

// Rule versions (Regelversionen): everyone reads them (a caseworker reaches them from the handover
// board); the administrator previews the effect of the version in force (counts only), confirms
// with the counts named, and re-evaluates.

test('a caseworker reaches the rule versions from the board and sees no preview', async ({ page }) => {
  await login(page, 'sozialamt');
  await page.goto('/rechtskreiswechsel');
  await settled(page);
  await page.getByRole('link', { name: 'Regelversionen und Neubewertung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Regelversionen' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Versionen des Regelwerks, neueste zuerst' })).toBeVisible();
  await expect(page.getByText('In Kraft')).toBeVisible();
  await expect(page.getByRole('button', { name: /Vorschau/ })).toHaveCount(0);
  await expect(page.getByText('Vorschau und Neubewertung sind Aufgaben der Administration.')).toBeVisible();
});

test('the administrator previews and re-evaluates with a confirmation', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/rechtskreis/regelversionen');
  await settled(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Regelversionen' })).toBeVisible();

  // The rules of a version open from the keyboard.
  const summary = page.locator('summary').first();
  await tabTo(page, summary, 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('cell', { name: '§ 1 Abs. 1 Nr. 1 AsylbLG' }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'rule versions');

  await page
    .getByRole('button', { name: /^Vorschau für Version/ })
    .first()
    .click();
  const preview = page.getByRole('region', { name: /^Vorschau: Version/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('table', { name: 'Auswirkungen der Neubewertung (Anzahl Personen)' })).toBeVisible();
  const changed = (await preview.getByTestId('impact-changed').textContent())!.trim();
  const total = (await preview.getByTestId('impact-total').textContent())!.trim();
  await expectNoAxeViolations(page, 'rule version preview');

  await preview.getByRole('button', { name: 'Neu bewerten' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Alle Personen neu bewerten?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`${total} Personen werden mit Version`)).toBeVisible();
  await expect(dialog.getByText(`Bei ${changed} ändert sich das Ergebnis`)).toBeVisible();
  await expectNoAxeViolations(page, 'rule version confirmation');
  await dialog.getByRole('button', { name: 'Jetzt neu bewerten' }).click();
  await expect(page.getByText('Neubewertung abgeschlossen')).toBeVisible();
  await expect(page.getByText(new RegExp(`^${total} Personen bewertet, ${changed} geändert`))).toBeVisible();
  await expectNoAxeViolations(page, 'rule version result');
});

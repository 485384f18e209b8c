import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, loginAsAdmin, settled } from './helpers';

// The data-protection core in the UI: a person registered by the Gesundheitsamt shows the field
// groups its kind may not see as "nicht freigegeben" (not as empty), and the system administrator
// changes a legal basis in the category matrix through the dialog, with a confirmation.

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

test('a withheld category is shown as not released, not as empty', async ({ page }) => {
  await login(page, 'gesundheitsamt');
  const response = await page.request.post('/api/v1/people', {
    data: {
      givenNames: 'Hana',
      familyName: `Kategorie${suffix}`,
      dateOfBirth: '1988-02-03',
      duplicatesReviewed: true,
      germanLevels: { speaking: 'B2' },
      contacts: [{ kind: 'phone', value: '0208 455 1234', consentToUse: true, consentRecordedOn: '2026-01-05' }],
    },
    headers: { 'X-CSRF-Token': await csrf(page) },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };

  await page.goto(`/personen/${id}`);
  await settled(page);
  await expect(page.getByRole('heading', { level: 1, name: `Hana Kategorie${suffix}` })).toBeVisible();
  // The phone number (contact) is released to the Gesundheitsamt; the German levels and the residence documents are not.
  await expect(page.getByText('0208 455 1234')).toBeVisible();
  await expect(page.getByText('Für Ihre Stelle nicht freigegeben').first()).toBeVisible();
  await expect(page.getByText(/„Arbeit, Bildung und Sprache“/)).toBeVisible();
  await expect(page.getByText(/„Aufenthaltsstatus“/)).toBeVisible();
  await expect(page.getByText('B2')).toHaveCount(0);
  await expect(page.getByText('Ihr Zugriff auf diese Person')).toBeVisible();
  await expectNoAxeViolations(page, 'person page with withheld categories');
});

test('the system administrator changes a legal basis in the category matrix', async ({ page }) => {
  await loginAsAdmin(page);
  await page.getByRole('link', { name: 'Datenschutz' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
  await page.getByRole('link', { name: 'Datenkategorien und Freigaben' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Datenkategorien und Freigaben' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Freigaben je Art von Stelle' })).toBeVisible();
  await expectNoAxeViolations(page, 'category matrix');

  await page.getByRole('button', { name: 'Freigaben ändern: Wohnungsamt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Freigaben für Wohnungsamt' });
  await expect(dialog).toBeVisible();
  const basis = dialog.getByLabel('Rechtsgrundlage für „Wohnen“');
  await basis.fill('');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Bitte geben Sie die Rechtsgrundlage an (mindestens 3 Zeichen).')).toBeVisible();
  await expect(basis).toBeFocused();
  const newBasis = `WFNG NRW § 18 (${suffix})`;
  await basis.fill(newBasis);
  await expectNoAxeViolations(page, 'category matrix edit dialog');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Freigaben ändern?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Freigaben für Wohnungsamt wurden gespeichert.')).toBeVisible();
  await expect(page.getByRole('table').getByText(newBasis)).toBeVisible();
});

test('a caseworker documents a transfer; the recipient sees exactly those categories and finds it in the log', async ({
  browser,
}) => {
  const sender = await (await browser.newContext()).newPage();
  await login(sender, 'sozialamt');
  const familyName = `Uebermittlung${suffix}`;
  const created = await sender.request.post('/api/v1/people', {
    data: {
      givenNames: 'Amir',
      familyName,
      dateOfBirth: '1991-07-08',
      duplicatesReviewed: true,
      contacts: [{ kind: 'phone', value: '0208 455 9876', consentToUse: true, consentRecordedOn: '2026-01-05' }],
    },
    headers: { 'X-CSRF-Token': await csrf(sender) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await sender.goto(`/personen/${id}`);
  await settled(sender);
  await sender.getByRole('button', { name: 'Übermittlung dokumentieren' }).click();
  const dialog = sender.getByRole('dialog', { name: 'Übermittlung dokumentieren' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Empfangende Stelle').selectOption({ label: 'Jobcenter / Sozialagentur' });
  await dialog.getByLabel('Leistungen').check();
  await dialog.getByLabel('Rechtsgrundlage (Vorschrift)').fill('§ 69 Abs. 1 Nr. 1 SGB X');
  await dialog.getByLabel('Zweck der Übermittlung').fill('Übergang vom AsylbLG in das SGB II');
  await expectNoAxeViolations(sender, 'transfer dialog');
  await dialog.getByRole('button', { name: 'Übermittlung dokumentieren' }).click();
  await expect(sender.getByText('Die Übermittlung ist dokumentiert.')).toBeVisible();
  await expect(sender.getByText('§ 69 Abs. 1 Nr. 1 SGB X').first()).toBeVisible();
  await expectNoAxeViolations(sender, 'person page with a transfer');

  const recipient = await (await browser.newContext()).newPage();
  await login(recipient, 'jobcenter');
  await recipient.goto(`/personen/${id}`);
  await settled(recipient);
  await expect(recipient.getByRole('heading', { level: 1, name: `Amir ${familyName}` })).toBeVisible();
  await expect(recipient.getByText('Übermittlung auf gesetzlicher Grundlage')).toBeVisible();
  // Contact data were not transferred: the phone number stays with the Sozialamt.
  await expect(recipient.getByText('0208 455 9876')).toHaveCount(0);
  await recipient.goto('/datenschutz/uebermittlungen');
  await settled(recipient);
  await expect(recipient.getByRole('heading', { level: 1, name: 'Übermittlungen' })).toBeVisible();
  await expect(recipient.getByText(`Amir ${familyName}`).first()).toBeVisible();
  await expectNoAxeViolations(recipient, 'transfer log');
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, logout, submitPassword } from './helpers';

test('the data protection officer opens the Art. 15 report for a person and sees a view by a caseworker', async ({
  page,
}) => {
  // A caseworker of the Sozialamt looks at a person.
  await login(page, 'sozialamt');
  await page.goto('/personen');
  await page.getByRole('searchbox', { name: 'Name' }).fill('Al-Hussein');
  const results = page.getByRole('table', { name: 'Suchergebnisse' });
  const link = results.getByRole('link').first();
  await expect(link).toBeVisible();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const personId = new URL(page.url()).pathname.split('/').pop()!;
  await logout(page);

  // The data protection officer finds the person and opens the report.
  // (Signing in again returns to the person page, which the officer may not see: go on from there.)
  await submitPassword(page, 'dsb');
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await page.goto('/protokoll');
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  await page.getByRole('link', { name: 'Auskunft nach Art. 15 DSGVO erstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auskunft nach Art. 15 DSGVO' })).toBeVisible();
  await expectNoAxeViolations(page, 'Art. 15 search');
  await page.getByLabel('Name oder Geburtsdatum').fill(name.split(/\s+/).pop()!);
  await page.getByLabel('Name oder Geburtsdatum').press('Enter');
  const people = page.getByRole('table', { name: 'Gefundene Personen' });
  await expect(people).toBeVisible();
  await expect(
    people.getByRole('link', { name: new RegExp(`^Auskunft anzeigen für .*${name.split(/\s+/).pop()!}`) }).first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'Art. 15 search results');
  await page.goto(`/datenschutz/auskunft?person=${personId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Auskunft für / })).toBeVisible();

  const entries = page.getByRole('table', { name: 'Protokollierte Vorgänge zu dieser Person' });
  const view = entries
    .getByRole('row')
    .filter({ hasText: 'Personendaten angesehen' })
    .filter({ hasText: 'Sabine Schulte' })
    .first();
  await expect(view).toBeVisible();
  await expect(page.getByRole('link', { name: 'PDF herunterladen' })).toHaveAttribute(
    'href',
    `/api/v1/privacy/people/${personId}/access-report/pdf`,
  );
  await expect(page.getByRole('link', { name: 'JSON herunterladen' })).toBeVisible();
  await expectNoAxeViolations(page, 'Art. 15 report');

  // The download is the real PDF, answered for the officer's session.
  const pdf = await page.request.get(`/api/v1/privacy/people/${personId}/access-report/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
});

test('retention and legal hold screens are accessible and keyboard usable for the data protection officer', async ({
  page,
}) => {
  await login(page, 'dsb');
  await page.goto('/datenschutz/aufbewahrung');
  await expect(page.getByRole('heading', { level: 1, name: 'Aufbewahrung und Löschung' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Aufbewahrungsfristen' })).toContainText('Abgeschlossener Fall');
  await expect(page.getByText('Die Fristen ändert die Systemadministration.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Löschlauf starten' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'retention');

  await page.goto('/datenschutz/sperrvermerke');
  await expect(page.getByRole('heading', { level: 1, name: 'Sperrvermerke' })).toBeVisible();
  await page.getByRole('button', { name: 'Sperrvermerk setzen' }).click();
  await expect(page.getByText('Bitte eine gültige ID eingeben.')).toBeVisible();
  await expect(page.getByText('Bitte einen Grund mit 10 bis 500 Zeichen angeben.')).toBeVisible();
  await expectNoAxeViolations(page, 'legal holds');
});

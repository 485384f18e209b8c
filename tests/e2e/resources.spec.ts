import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

test('the directory lists, searches and filters the demo entries; the detail shows everything and marks an entry verified', async ({
  page,
}) => {
  await login(page, 'sozialamt');
  await page.goto('/sozialraum/angebote');
  await expect(page.getByRole('heading', { level: 1, name: 'Angebote im Sozialraum' })).toBeVisible();
  await settled(page);
  const table = page.getByRole('table', { name: 'Einträge des Ressourcenverzeichnisses' });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  // Entries not verified for more than a year say so.
  await expect(table.getByText(/nicht mehr geprüft seit|noch nie geprüft/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'resource directory list');

  await page.getByLabel('Status').selectOption({ label: 'vorübergehend geschlossen' });
  await expect(table.getByRole('link', { name: 'Kita Regenbogen' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Sprachcafé in St. Mariae' })).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Alle Status' });

  // Other specs may add language cafés to the shared database: check what the search keeps and drops.
  await page.getByLabel('Suche (Name, Beschreibung, Träger)').fill('Sprachcafé');
  await expect(table.getByRole('link', { name: 'Kita Regenbogen' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'Sprachcafé in St. Mariae' })).toBeVisible();
  await page.getByLabel('Suche (Name, Beschreibung, Träger)').fill('Kein Angebot mit diesem Namen');
  await expect(page.getByRole('heading', { name: 'Keine Angebote gefunden' })).toBeVisible();
  await page.getByLabel('Suche (Name, Beschreibung, Träger)').fill('Sprachcafé');
  await table.getByRole('link', { name: 'Sprachcafé in St. Mariae' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sprachcafé in St. Mariae' })).toBeVisible();
  await settled(page);
  await expect(page.getByText('Dienstag, 16:00–18:00 Uhr')).toBeVisible();
  await expect(page.getByText(/In \d+ offenen Pl(a|ä)nen? verwendet/)).toBeVisible();
  await expect(page.getByText('Altstadt I', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'resource detail');
  await page.getByRole('button', { name: 'Als geprüft markieren' }).click();
  await expect(page.getByText('Der Eintrag ist als heute geprüft markiert.')).toBeVisible();
  await expect(page.getByText(/Zuletzt geprüft am .* von /)).toBeVisible();

  // A temporarily closed entry says so prominently.
  await page.goto('/sozialraum/angebote?suche=Regenbogen');
  await page.getByRole('link', { name: 'Kita Regenbogen' }).click();
  const closed = page.getByRole('status').filter({ hasText: 'Vorübergehend geschlossen' });
  await expect(closed).toContainText('Wegen Umbau bis Ende Juni geschlossen');
});

test('a caseworker creates and edits an entry; the team lead deletes it after confirming', async ({
  page,
  browser,
}) => {
  await login(page, 'sozialamt');
  await page.goto('/sozialraum/angebote');
  await page.getByRole('link', { name: 'Neues Angebot' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neues Angebot' })).toBeVisible();
  await settled(page);

  // Without a category the server answers with a German message next to the field.
  await page.getByLabel('Name des Trägers').fill('Nachbarschaftshilfe Broich e. V.');
  await page.getByLabel('Name des Angebots').fill('Repair-Café Broich');
  await page.getByLabel('Straße').fill('Prinzeß-Luise-Str.');
  await page.getByLabel('Hausnummer').fill('12');
  await page.getByLabel('Postleitzahl').fill('45479');
  await page.getByRole('button', { name: 'Angebot anlegen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeVisible();
  await expectNoAxeViolations(page, 'resource form with errors');

  await page.getByRole('checkbox', { name: 'Ehrenamtsinitiative' }).check();
  await page.getByRole('button', { name: 'Öffnungszeit hinzufügen' }).click();
  await page.getByRole('checkbox', { name: 'Sa', exact: true }).check();
  await page.getByLabel('von (HH:MM)').fill('10:00');
  await page.getByLabel('bis (HH:MM)').fill('13:00');
  await page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Herr Beispiel');
  await page.getByLabel(/Interne Notiz/).fill('Hilft gern bei Fahrrädern.');
  await page.getByRole('button', { name: 'Angebot anlegen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Repair-Café Broich' })).toBeVisible();
  await expect(page.getByText('Samstag, 10:00–13:00 Uhr')).toBeVisible();
  await expect(page.getByText(/Prinzeß-Luise-Straße 12/)).toBeVisible();
  await expect(page.getByText('Hilft gern bei Fahrrädern.')).toBeVisible();
  const url = page.url();

  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Angebot bearbeiten' })).toBeVisible();
  await page.getByLabel('Name des Angebots').fill('Repair-Café Broich (samstags)');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Repair-Café Broich (samstags)' })).toBeVisible();

  // A caseworker may not delete; the team lead may, after confirming.
  await expect(page.getByRole('button', { name: 'Löschen' })).toHaveCount(0);
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  const lead = await context.newPage();
  await login(lead, 'teamleitung');
  await lead.goto(url);
  await lead.getByRole('button', { name: 'Löschen' }).click();
  const dialog = lead.getByRole('alertdialog', { name: 'Angebot löschen?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Angebote im Sozialraum' })).toBeVisible();
  await lead.goto('/sozialraum/angebote?suche=Repair');
  await expect(lead.getByRole('heading', { name: 'Keine Angebote gefunden' })).toBeVisible();
  await context.close();
});

test('the team lead checks an HSDS file before importing it', async ({ page }) => {
  await login(page, 'teamleitung');
  await page.goto('/sozialraum/angebote/austausch');
  await expect(page.getByRole('heading', { level: 1, name: 'HSDS-Austausch' })).toBeVisible();
  await settled(page);
  await expectNoAxeViolations(page, 'HSDS exchange');
  const doc = [
    {
      id: '0f0e2b7a-4d7a-4c1e-9a55-3b1f2d9c0a11',
      name: 'Interkultureller Garten Styrum',
      description: '',
      services: [
        {
          id: '0f0e2b7a-4d7a-4c1e-9a55-3b1f2d9c0a12',
          name: 'Gemeinschaftsgarten',
          status: 'active',
          attributes: [
            {
              id: '0f0e2b7a-4d7a-4c1e-9a55-3b1f2d9c0a13',
              taxonomy_term: { id: '0f0e2b7a-4d7a-4c1e-9a55-3b1f2d9c0a14', code: 'meeting_place', name: 'Treffpunkt' },
            },
          ],
        },
      ],
    },
  ];
  await page.getByLabel('HSDS-Datei (JSON)').setInputFiles({
    name: 'garten.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.getByRole('button', { name: 'Datei prüfen' }).click();
  await expect(page.getByText('Neu: 2 · Aktualisiert: 0 · Unverändert: 0', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Import ausführen' }).click();
  await expect(page.getByText('Import abgeschlossen: 2 neu, 0 aktualisiert, 0 unverändert.')).toBeVisible();
  await page.goto('/sozialraum/angebote?suche=Gemeinschaftsgarten');
  await expect(page.getByRole('link', { name: 'Gemeinschaftsgarten' })).toBeVisible();
});

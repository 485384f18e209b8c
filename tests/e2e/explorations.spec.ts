import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

/** Keyboard only: focus the field and type, as a user tabbing through the form would. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}
async function press(page: Page, button: Locator, key = 'Enter'): Promise<void> {
  await button.focus();
  await page.keyboard.press(key);
}

test('a caseworker records an exploration with the keyboard that adds a resource and flags an address without a mailbox', async ({
  page,
}) => {
  await login(page, 'sozialamt');
  await page.goto('/sozialraum/erkundungen');
  await expect(page.getByRole('heading', { level: 1, name: 'Sozialraumerkundungen' })).toBeVisible();
  await settled(page);
  const selbeck = page.getByTestId('district-row-Selbeck');
  await expect(selbeck).toContainText('noch nie');
  await expect(selbeck).toContainText('Überfällig');
  await expectNoAxeViolations(page, 'explorations overview');

  await press(page, page.getByRole('link', { name: 'Erkundung erfassen' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Erkundung erfassen' })).toBeVisible();
  await settled(page);

  const district = page.getByLabel('Stadtteil', { exact: true });
  await district.focus();
  await page.keyboard.type('Selbeck');
  await expect(district).toHaveValue(/.+/);
  await expect(district.locator('option:checked')).toHaveText('Selbeck');
  await typeInto(page, page.getByRole('textbox', { name: /^Route/ }), 'Selbecker Straße bis zur Kirche');
  await typeInto(
    page,
    page.getByRole('textbox', { name: /^Beobachtungen/ }),
    'Neues Sprachcafé; ein Haus ohne Briefkasten.',
  );

  // A stakeholder met on the way.
  await press(page, page.getByRole('button', { name: 'Akteur hinzufügen' }));
  const stakeholder = page.getByRole('group', { name: 'Akteur 1' });
  await expect(stakeholder.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Frau Berger');
  await typeInto(page, stakeholder.getByLabel('Rolle'), 'Küsterin');

  // A resource discovered on the walk.
  await press(page, page.getByRole('button', { name: 'Neues Angebot hinzufügen' }));
  const resource = page.getByRole('group', { name: 'Neues Angebot 1' });
  await expect(resource.getByLabel('Name des Angebots')).toBeFocused();
  await page.keyboard.type('Sprachcafé Selbeck');
  const category = resource.getByLabel('Kategorie');
  await category.focus();
  await page.keyboard.type('Sprachcaf');
  await expect(category.locator('option:checked')).toHaveText('Sprachcafé');
  await typeInto(page, resource.getByLabel('Träger oder Geschäft'), 'Kirchengemeinde Selbeck');
  await press(page, resource.getByRole('checkbox', { name: 'Di' }), 'Space');
  await typeInto(page, resource.getByLabel('Von (Uhrzeit)'), '1600');
  await typeInto(page, resource.getByLabel('Bis (Uhrzeit)'), '1800');
  await typeInto(page, resource.getByLabel('Sprachen'), 'de, uk');
  await typeInto(page, resource.getByLabel('Straße'), 'Kölner Straße');
  await typeInto(page, resource.getByLabel('Hausnummer'), '400');
  await typeInto(page, resource.getByLabel('Postleitzahl'), '45481');
  await typeInto(page, resource.getByLabel('Breitengrad'), '51,3675');
  await typeInto(page, resource.getByLabel('Längengrad'), '6,8525');

  // An address without a mailbox.
  await press(page, page.getByRole('button', { name: 'Anschrift hinzufügen' }));
  const address = page.getByRole('group', { name: 'Anschrift 1', exact: true });
  await expect(address.getByLabel('Straße')).toBeFocused();
  await page.keyboard.type('Kölner Straße');
  await typeInto(page, address.getByLabel('Hausnummer'), '417');
  await typeInto(page, address.getByLabel('Postleitzahl'), '45481');
  await press(
    page,
    address.getByRole('group', { name: 'Briefkasten vorhanden' }).getByRole('radio', { name: 'nein' }),
    'Space',
  );
  const delivery = address.getByLabel('Zustellung');
  await delivery.focus();
  await page.keyboard.type('Nicht');
  await expect(delivery.locator('option:checked')).toHaveText('Nicht zustellbar');
  await typeInto(page, address.getByLabel('Zugangshinweise'), 'Hinterhaus, Klingel ohne Namen');
  await typeInto(page, address.getByLabel('Breitengrad'), '51,3681');
  await typeInto(page, address.getByLabel('Längengrad'), '6,8531');
  await page.keyboard.press('Tab');
  await expect(address.getByText('Der Punkt liegt im Stadtteil Selbeck.')).toBeVisible();

  await expectNoAxeViolations(page, 'exploration form');
  await press(page, page.getByRole('button', { name: 'Protokoll speichern' }));

  await expect(page.getByRole('heading', { level: 1, name: /^Selbeck, / })).toBeVisible();
  await expect(page.getByText('Das Protokoll wurde gespeichert.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sprachcafé Selbeck' })).toBeVisible();
  await expect(page.getByText('neu entdeckt')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kölner Straße 417, 45481 Mülheim an der Ruhr' })).toBeVisible();
  await expect(page.getByText('Frau Berger, Küsterin')).toBeVisible();
  await expectNoAxeViolations(page, 'exploration detail');

  // The overview shows Selbeck as explored and no longer overdue.
  await press(page, page.getByRole('link', { name: 'Zurück zu den Erkundungen' }));
  await settled(page);
  await expect(selbeck).not.toContainText('noch nie');
  await expect(selbeck).toContainText('Im Turnus');
  await expect(
    page.getByRole('table', { name: 'Erkundungsprotokolle, neueste zuerst' }).getByRole('row').nth(1),
  ).toContainText('Selbeck');

  // The address register lists the address with its problem.
  await press(
    page,
    page.getByRole('navigation', { name: 'Bereiche des Sozialraums' }).getByRole('link', { name: 'Anschriften' }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Adressregister' })).toBeVisible();
  await press(page, page.getByRole('checkbox', { name: 'nur mit Zustellproblemen' }), 'Space');
  await typeInto(page, page.getByLabel('Suche (Straße, Hausnummer, Postleitzahl)'), 'Kölner 417');
  const row = page.getByRole('row').filter({ hasText: 'Kölner Straße 417' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Nicht zustellbar');
  await expect(row).toContainText('Zustellproblem');
  await expect(row).toContainText('kein Briefkasten');
  await expectNoAxeViolations(page, 'address register');

  await press(page, row.getByRole('link', { name: 'Kölner Straße 417' }));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kölner Straße 417, 45481 Mülheim an der Ruhr' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Prüfungen der Anschrift, neueste zuerst' })).toContainText(
    'Sozialraumerkundung',
  );
  await expectNoAxeViolations(page, 'address detail');

  // Both are on the map, and in its list view (the accessible equivalent).
  await press(
    page,
    page.getByRole('navigation', { name: 'Bereiche des Sozialraums' }).getByRole('link', { name: 'Karte' }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Sozialraum – Karte' })).toBeVisible();
  const resourceMarker = page.getByRole('button', { name: 'Angebot: Sprachcafé Selbeck (Kirchengemeinde Selbeck)' });
  await expect(resourceMarker).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zustellproblem: Kölner Straße 417' })).toBeVisible();
  await expectNoAxeViolations(page, 'map with the new resource and the flagged address');
  await press(page, page.getByRole('radio', { name: 'Listenansicht' }), 'Space');
  const listedResource = page.getByRole('row').filter({ hasText: 'Sprachcafé Selbeck' });
  await expect(listedResource).toHaveCount(1);
  await expect(listedResource).toContainText('Selbeck');
  const listedAddress = page.getByRole('row').filter({ hasText: 'Kölner Straße 417' });
  await expect(listedAddress).toHaveCount(1);
  await expect(listedAddress).toContainText('Selbeck');
  await expectNoAxeViolations(page, 'map list view');
  await press(page, listedAddress.getByRole('link').first());
  await expect(
    page.getByRole('heading', { level: 1, name: 'Kölner Straße 417, 45481 Mülheim an der Ruhr' }),
  ).toBeVisible();

  // Casework confirms a mailbox now: the dialog, keyboard only.
  await press(page, page.getByRole('button', { name: 'Angaben prüfen und ändern' }));
  const dialog = page.getByRole('dialog', { name: 'Angaben zur Zustellung prüfen' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'address check dialog');
  await press(
    page,
    dialog.getByRole('group', { name: 'Briefkasten vorhanden' }).getByRole('radio', { name: 'ja' }),
    'Space',
  );
  const dialogDelivery = dialog.getByLabel('Zustellung');
  await dialogDelivery.focus();
  await page.keyboard.type('Post kommt z');
  await expect(dialogDelivery.locator('option:checked')).toHaveText('Post kommt zuverlässig an');
  await press(page, dialog.getByRole('button', { name: 'Prüfung speichern' }));
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Die Prüfung wurde gespeichert.')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Prüfungen der Anschrift, neueste zuerst' }).getByRole('row'),
  ).toHaveCount(3);
});

test('the task inbox shows the open follow-ups of explorations, and the assignee completes one', async ({ page }) => {
  await login(page, 'sozialamt');
  await page.goto('/aufgaben');
  const section = page.getByRole('region', { name: 'Folgeaufgaben aus Sozialraumerkundungen' });
  await expect(section).toBeVisible();
  await settled(page);
  const row = section.getByRole('row').filter({ hasText: 'Hausverwaltung wegen fehlender Briefkästen anschreiben' });
  await expect(row).toHaveCount(1);
  await expectNoAxeViolations(page, 'task inbox with follow-ups');
  await press(page, row.getByRole('button', { name: /als erledigt markieren/ }));
  await expect(
    section.getByText('„Hausverwaltung wegen fehlender Briefkästen anschreiben“ ist erledigt.'),
  ).toBeVisible();
  await expect(row).toHaveCount(0);
});

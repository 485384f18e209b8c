import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, tabTo } from './helpers';

// One caseworker session for the story of one family: register with languages, contacts and an
// address; a residence document that expires; a conflict; a household. The demo seed holds
// thousands of people, so the names carry a random suffix that no seeded person has.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Probe${suffix}`;
const head = { givenNames: 'Amanuel', name: `Amanuel ${familyName}` };
const child = { givenNames: 'Selam', name: `Selam ${familyName}` };

/** The day in Europe/Berlin (the server's "today"), moved by `offset` days, as 'YYYY-MM-DD'. */
function berlinDay(offset = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

const german = (iso: string) => iso.split('-').reverse().join('.');

/**
 * The latest day on or before `iso` whose day and month are the same number (11.11., 05.05.): typed
 * into a date input digit by digit it reads the same whether the browser's date format puts the day
 * or the month first.
 */
function symmetricDayOnOrBefore(iso: string): string {
  const day = new Date(`${iso}T12:00:00Z`);
  while (day.getUTCDate() !== day.getUTCMonth() + 1) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
const digits = (iso: string) => german(iso).replace(/\./g, '');

let page: Page;
let personUrl = '';

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
});

test.afterAll(async () => {
  await page.context().close();
});

/** Submits the registration; confirms "andere Person" should the duplicate check find someone similar. */
async function submitRegistration(name: string): Promise<void> {
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  const heading = page.getByRole('heading', { level: 1, name });
  const warning = page.getByRole('button', { name: 'Es ist eine andere Person – trotzdem erfassen' });
  await expect(heading.or(warning)).toBeVisible();
  if (await warning.isVisible()) await warning.click();
  await expect(heading).toBeVisible();
}

/** The input labelled exactly `text`; optional fields carry " (optional)" in their label. */
const label = (scope: Page | Locator, text: string) =>
  scope.getByLabel(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(optional\\))?$`));

test('register a person with languages, contact channels and an address', async () => {
  await page.goto('/personen/neu');
  await expect(page.getByRole('heading', { level: 1, name: 'Person erfassen' })).toBeVisible();
  await label(page, 'Vornamen').fill(head.givenNames);
  await label(page, 'Familienname').fill(familyName);

  // Repeat groups: the empty state, then focus moves into each new row.
  await expect(page.getByText('Keine Sprachen erfasst.')).toBeVisible();
  await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
  await expect(label(page, 'Sprache (1)')).toBeFocused();
  await label(page, 'Sprache (1)').selectOption({ label: 'Tigrinya' });
  await label(page, 'Muttersprache (1)').check();
  await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
  await expect(label(page, 'Sprache (2)')).toBeFocused();
  await label(page, 'Sprache (2)').selectOption({ label: 'Andere Sprache (Code eingeben)' });
  await label(page, 'Sprachcode (2)').fill('tig');
  await label(page, 'Kenntnisse (2)').fill('fließend');
  await label(page, 'Hören').selectOption('A2');
  await label(page, 'Sprechen').selectOption('A1');
  await label(page, 'Dolmetschen erforderlich').check();
  await label(page, 'Sprache für das Dolmetschen').selectOption({ label: 'Tigrinya' });

  await page.getByRole('button', { name: 'Kontaktweg hinzufügen' }).click();
  await expect(label(page, 'Art des Kontaktwegs (1)')).toBeFocused();
  await label(page, 'Telefonnummer (1)').fill('0208 455-1234');
  await label(page, 'Einwilligung zur Nutzung liegt vor (1)').check();
  // Consent is usually recorded the day it is given: the form offers today.
  await expect(label(page, 'Einwilligung erfasst am (1)')).toHaveValue(berlinDay());
  await label(page, 'Einwilligung erfasst am (1)').fill('2025-10-01');
  await page.getByRole('button', { name: 'Kontaktweg hinzufügen' }).click();
  await label(page, 'Art des Kontaktwegs (2)').selectOption({ label: 'Messenger' });
  await label(page, 'Messenger-Kennung (2)').fill('+49 170 5550123');

  await page.getByRole('button', { name: 'Anschrift hinzufügen' }).click();
  await expect(label(page, 'Ort (1)')).toHaveValue('Mülheim an der Ruhr');
  await label(page, 'Art der Anschrift (1)').selectOption({ label: 'Unterkunft' });
  await label(page, 'Straße (1)').fill('Aktienstraße');
  await label(page, 'Hausnummer (1)').fill('12');
  await label(page, 'PLZ (1)').fill('4547');
  await label(page, 'gültig von (1)').fill('2025-09-01');
  // A second row, removed again: focus goes back to the row that remains.
  await page.getByRole('button', { name: 'Anschrift hinzufügen' }).click();
  await page.getByRole('button', { name: 'Anschrift 2 entfernen' }).click();
  await expect(label(page, 'Art der Anschrift (1)')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Anschrift 2' })).toHaveCount(0);

  // Errors from conditional fields are reported before anything is sent.
  await page.getByRole('button', { name: 'Person erfassen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('PLZ (1): Die Postleitzahl hat 5 Ziffern.');
  await expect(summary).toContainText('Messenger-Dienst (2): Bitte wählen Sie den Messenger-Dienst aus.');
  await expectNoAxeViolations(page, 'Person erfassen mit Sprachen, Kontaktwegen und Anschrift');
  await label(page, 'PLZ (1)').fill('45473');
  await label(page, 'Messenger-Dienst (2)').selectOption({ label: 'Signal' });

  await submitRegistration(head.name);
  personUrl = page.url();
  await expect(page.getByText('Die Person wurde erfasst.')).toBeVisible();

  const languages = page.getByRole('region', { name: 'Sprachen' });
  await expect(languages.getByText('Dolmetschen erforderlich: Tigrinya (ti)')).toBeVisible();
  await expect(languages.getByRole('listitem').filter({ hasText: 'Tigrinya (ti)' })).toContainText('Muttersprache');
  await expect(languages.getByRole('listitem').filter({ hasText: /^tig/ })).toContainText('fließend');
  const levels = languages.getByRole('table', { name: 'Deutschkenntnisse nach GER' });
  await expect(levels.getByRole('row', { name: /Hören/ })).toContainText('A2');
  await expect(levels.getByRole('row', { name: /Lesen/ })).toContainText('nicht eingeschätzt');

  const contacts = page.getByRole('region', { name: 'Kontaktwege' });
  await expect(contacts.getByRole('link', { name: '0208 455-1234' })).toHaveAttribute('href', 'tel:02084551234');
  await expect(contacts.getByText('Einwilligung vom 01.10.2025')).toBeVisible();
  await expect(contacts.getByText('Messenger (Signal):')).toBeVisible();
  await expect(contacts.getByText('keine Einwilligung – nicht nutzen')).toBeVisible();
  // Without consent the number is shown but not offered as a link.
  await expect(contacts.getByRole('link', { name: '+49 170 5550123' })).toHaveCount(0);

  const addresses = page.getByRole('region', { name: 'Anschriften' });
  await expect(addresses).toContainText('Aktienstraße 12');
  await expect(addresses).toContainText('45473 Mülheim an der Ruhr');
  await expect(addresses).toContainText('Unterkunft');
  await expect(addresses).toContainText('seit 01.09.2025');
  await expect(
    page.getByRole('region', { name: 'Aufenthaltsdokumente' }).getByText('Keine Aufenthaltsdokumente erfasst.'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'Person mit Sprachen, Kontaktwegen und Anschrift');
});

test('an address moves to "Frühere Anschriften" once it has ended', async () => {
  await page
    .getByRole('region', { name: 'Anschriften' })
    .getByRole('link', { name: 'Bearbeiten: Anschriften' })
    .click();
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Daten bearbeiten' }) });
  await expect(form.getByRole('group', { name: 'Anschriften' })).toBeFocused();
  await label(form, 'gültig bis (1)').fill(berlinDay(-1));
  await form.getByRole('button', { name: 'Anschrift hinzufügen' }).click();
  await label(form, 'Straße (2)').fill('Schloßstraße');
  await label(form, 'Hausnummer (2)').fill('3');
  await label(form, 'PLZ (2)').fill('45468');
  await label(form, 'gültig von (2)').fill(berlinDay());
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();

  const addresses = page.getByRole('region', { name: 'Anschriften' });
  await expect(addresses.getByText('Schloßstraße 3')).toBeVisible();
  await expect(addresses.getByText('Aktienstraße 12')).toBeHidden();
  await addresses.getByText('Frühere Anschriften (1)').click();
  await expect(addresses.getByText('Aktienstraße 12')).toBeVisible();
});

test('a residence document that expires in 30 days warns and appears in the worklist', async () => {
  const documents = page.getByRole('region', { name: 'Aufenthaltsdokumente' });
  await documents.getByRole('button', { name: 'Dokument hinzufügen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aufenthaltsdokument hinzufügen' });
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' })).toBeFocused();
  await expect(dialog.getByText('Bitte wählen Sie die Art des Dokuments aus.').last()).toBeVisible();

  // The type decides what is required and which norm is offered.
  await label(dialog, 'Art des Dokuments').selectOption({ label: 'Aufenthaltserlaubnis' });
  await expect(dialog.getByText('Rechtsgrundlage (optional)')).toHaveCount(0);
  await label(dialog, 'Art des Dokuments').selectOption({ label: 'Duldung (§ 60a AufenthG)' });
  await expect(label(dialog, 'Rechtsgrundlage')).toHaveValue('AufenthG § 60a');
  await label(dialog, 'gültig ab').fill(berlinDay(-150));
  await label(dialog, 'gültig bis').fill(berlinDay(30));
  await label(dialog, 'Erwerbstätigkeit').selectOption({
    label: 'Erwerbstätigkeit nur mit Erlaubnis der Ausländerbehörde',
  });
  await expect(label(dialog, 'Gemeinde der Wohnsitzauflage')).toHaveCount(0);
  await label(dialog, 'Wohnsitzauflage').check();
  await label(dialog, 'Gemeinde der Wohnsitzauflage').fill('Mülheim an der Ruhr');
  await label(dialog, 'Ausstellende Behörde').fill('Stadt Mülheim an der Ruhr, Ausländerbehörde');
  await expectNoAxeViolations(page, 'Dialog Aufenthaltsdokument');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Das Dokument wurde hinzugefügt.')).toBeVisible();

  const item = documents.getByRole('listitem').filter({ hasText: 'Duldung (§ 60a AufenthG)' });
  await expect(item).toContainText('läuft in 30 Tagen ab');
  await expect(item).toContainText('AufenthG § 60a');
  await expect(item).toContainText(`${german(berlinDay(-150))} – ${german(berlinDay(30))}`);
  await expect(item).toContainText('Wohnsitzauflage: Mülheim an der Ruhr');
  await expect(item).toContainText('Erwerbstätigkeit nur mit Erlaubnis der Ausländerbehörde');

  const warning = page.locator('.kern-alert').filter({ hasText: 'Ein Aufenthaltsdokument läuft bald ab.' });
  await expect(warning).toContainText(`gültig bis ${german(berlinDay(30))} – läuft in 30 Tagen ab`);
  await expectNoAxeViolations(page, 'Person mit ablaufendem Dokument');

  await warning.getByRole('link', { name: 'Ablaufende Aufenthaltsdokumente' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ablaufende Aufenthaltsdokumente' })).toBeVisible();
  await page.getByLabel('Zeitraum').selectOption({ label: 'innerhalb von 30 Tagen' });
  await page.getByLabel('abgelaufene einbeziehen').uncheck();
  await expect(page).toHaveURL(/tage=30/);
  await expect(page).toHaveURL(/abgelaufene=nein/);
  await expect(page.getByLabel('abgelaufene einbeziehen')).not.toBeChecked();
  const table = page.getByRole('table', { name: /Ablaufende Aufenthaltsdokumente/ });
  await expect(table).toBeVisible();
  await expectNoAxeViolations(page, 'Ablaufende Aufenthaltsdokumente');

  // Soonest first: a document in 30 days is at the end of this window; page through until it shows.
  const row = table.getByRole('row').filter({ hasText: head.name });
  for (let i = 0; i < 40 && !(await row.isVisible()); i += 1) {
    const next = page.getByRole('button', { name: 'Nächste Seite' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    if (!(await next.isEnabled())) break;
    const first = await table.getByRole('row').nth(1).textContent();
    await next.click();
    await expect(table.getByRole('row').nth(1)).not.toHaveText(first ?? '');
  }
  await expect(row).toContainText('Duldung (§ 60a AufenthG)');
  await expect(row).toContainText(german(berlinDay(30)));
  await expect(row).toContainText('30 Tage');
  await expect(row).toContainText('läuft in 30 Tagen ab');
  await row.getByRole('link', { name: head.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: head.name })).toBeVisible();
});

test('editing a document that someone else changed meanwhile reports the conflict', async ({ browser }) => {
  const documents = page.getByRole('region', { name: 'Aufenthaltsdokumente' });
  await documents.getByRole('button', { name: /^Bearbeiten: Duldung/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Aufenthaltsdokument bearbeiten' });
  await expect(label(dialog, 'Dokumentnummer')).toHaveValue('');

  // A colleague changes the same document in another session.
  const context = await browser.newContext();
  const other = await context.newPage();
  await login(other, 'sozialamt');
  await other.goto(personUrl);
  await other.getByRole('button', { name: /^Bearbeiten: Duldung/ }).click();
  const otherDialog = other.getByRole('dialog', { name: 'Aufenthaltsdokument bearbeiten' });
  await label(otherDialog, 'Dokumentnummer').fill('D-4711');
  await otherDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(other.getByText('Das Dokument wurde gespeichert.')).toBeVisible();
  await context.close();

  await label(dialog, 'Bemerkungen').fill('Verlängerung beantragt');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  const conflict = dialog.getByRole('alert').filter({ hasText: 'Das Dokument wurde inzwischen geändert.' });
  await expect(conflict).toBeFocused();
  await conflict.getByRole('button', { name: 'Neu laden' }).click();
  await expect(label(dialog, 'Dokumentnummer')).toHaveValue('D-4711');
  await expect(conflict).toHaveCount(0);
  await label(dialog, 'Bemerkungen').fill('Verlängerung beantragt');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  const item = documents.getByRole('listitem').filter({ hasText: 'Duldung (§ 60a AufenthG)' });
  await expect(item).toContainText('D-4711');
  await expect(item).toContainText('Verlängerung beantragt');
});

test('the document dialog works with the keyboard alone', async () => {
  const add = page
    .getByRole('region', { name: 'Aufenthaltsdokumente' })
    .getByRole('button', { name: 'Dokument hinzufügen' });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aufenthaltsdokument hinzufügen' });
  await expect(dialog).toBeVisible();

  // Escape closes the dialog and focus returns to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const type = label(dialog, 'Art des Dokuments');
  await tabTo(page, type, 5);
  await page.keyboard.type('Fiktion');
  await expect(type).toHaveValue('fiktionsbescheinigung');
  await expect(label(dialog, 'Rechtsgrundlage')).toHaveValue('AufenthG § 81 Abs. 5');
  const from = symmetricDayOnOrBefore(berlinDay());
  const until = `${Number(berlinDay().slice(0, 4)) + 1}-06-06`;
  const validFrom = label(dialog, 'gültig ab');
  await tabTo(page, validFrom, 10);
  await page.keyboard.type(digits(from));
  await expect(validFrom).toHaveValue(from);
  const validUntil = label(dialog, 'gültig bis');
  await tabTo(page, validUntil, 5);
  await page.keyboard.type(digits(until));
  await expect(validUntil).toHaveValue(until);

  // Focus stays inside the dialog: after its last button, Tab comes back to its top.
  const save = dialog.getByRole('button', { name: 'Speichern' });
  await tabTo(page, save, 20);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Schließen' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Das Dokument wurde hinzugefügt.')).toBeVisible();

  // The newer document supersedes the Duldung: the warning goes, the timeline keeps both, newest first.
  const items = page
    .getByRole('list', { name: 'Zeitleiste der Aufenthaltsdokumente, neueste zuerst' })
    .getByRole('listitem');
  await expect(items.first()).toContainText('Fiktionsbescheinigung');
  await expect(items.first()).toContainText('gültig');
  await expect(items.nth(1)).toContainText('abgelöst');
  await expect(page.getByText('Ein Aufenthaltsdokument läuft bald ab.')).toHaveCount(0);

  // Deleting asks first and names the document.
  await items
    .first()
    .getByRole('button', { name: /^Löschen: Fiktionsbescheinigung/ })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Dokument löschen?' });
  await expect(confirm).toContainText(`„Fiktionsbescheinigung, gültig bis ${german(until)}“`);
  await confirm.getByRole('button', { name: 'Dokument löschen' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Das Dokument wurde gelöscht.')).toBeVisible();
  await expect(page.getByText('Ein Aufenthaltsdokument läuft bald ab.')).toBeVisible();
});

test('a household with a second person, and a membership that ends', async () => {
  await page.goto('/personen/neu');
  await label(page, 'Vornamen').fill(child.givenNames);
  await label(page, 'Familienname').fill(familyName);
  await submitRegistration(child.name);

  await page.goto(personUrl);
  const section = page.getByRole('region', { name: 'Haushalt' });
  await expect(section.getByText('Die Person gehört derzeit keinem Haushalt an.')).toBeVisible();
  await section.getByRole('button', { name: 'Haushalt anlegen' }).click();
  const createDialog = page.getByRole('dialog', { name: 'Haushalt anlegen' });
  await label(createDialog, 'Art').selectOption({ label: 'Bedarfsgemeinschaft' });
  await expect(label(createDialog, 'Bezeichnung')).toHaveValue(`Familie ${familyName}`);
  await expect(label(createDialog, `Beziehung von ${head.name} zum Haushaltsvorstand`)).toHaveValue('head');
  await createDialog.getByRole('button', { name: 'Haushalt anlegen' }).click();

  const title = `Bedarfsgemeinschaft „Familie ${familyName}“`;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Der Haushalt wurde angelegt.')).toBeVisible();
  const current = page.getByRole('region', { name: 'Aktuelle Mitglieder' });
  await expect(current.getByRole('row').filter({ hasText: head.name })).toContainText('Haushaltsvorstand');

  await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Mitglied hinzufügen' });
  await expect(addDialog).toContainText('beenden Sie die bisherige Mitgliedschaft');
  // The family name finds both: the head is already a member and cannot be chosen again.
  await addDialog.getByRole('searchbox', { name: 'Person suchen' }).fill(familyName);
  await expect(addDialog.getByRole('radio', { name: new RegExp(`^${head.name}.*bereits Mitglied`) })).toBeDisabled();
  await addDialog.getByRole('radio', { name: new RegExp(`^${child.name}`) }).check();
  await expect(addDialog.getByText(`Ausgewählt: ${child.name}`)).toBeVisible();
  await label(addDialog, 'Beziehung zum Haushaltsvorstand').selectOption({ label: 'Kind' });
  // The server refuses a date in the future; its message appears at the field.
  await label(addDialog, 'Mitglied ab').fill(berlinDay(3));
  await addDialog.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  await expect(addDialog.locator('.kern-form-input--error')).toContainText(
    'Das Datum darf nicht in der Zukunft liegen.',
  );
  await expectNoAxeViolations(page, 'Mitglied hinzufügen mit Fehler');
  await label(addDialog, 'Mitglied ab').fill(berlinDay());
  await addDialog.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  await expect(addDialog).toBeHidden();
  await expect(page.getByText(`${child.name} wurde hinzugefügt.`)).toBeVisible();
  await expect(current.getByRole('row').filter({ hasText: child.name })).toContainText('Kind');
  await expectNoAxeViolations(page, 'Haushalt');

  await current.getByRole('button', { name: `Mitgliedschaft beenden: ${child.name}` }).click();
  const endDialog = page.getByRole('alertdialog', { name: 'Mitgliedschaft beenden' });
  await expect(endDialog).toContainText(
    `Die Mitgliedschaft von ${child.name} (Kind, seit ${german(berlinDay())}) wird beendet.`,
  );
  await label(endDialog, 'Grund').fill('Auszug');
  await endDialog.getByRole('button', { name: 'Mitgliedschaft beenden' }).click();
  await expect(endDialog).toBeHidden();
  await expect(page.getByText(`Die Mitgliedschaft von ${child.name} wurde beendet.`)).toBeVisible();

  // The given day is the last one in the household: until it is over the row stays among the
  // current members, with its end and without a second "beenden".
  const row = current.getByRole('row').filter({ hasText: child.name });
  await expect(row).toContainText(`bis ${german(berlinDay())}`);
  await expect(row.getByRole('button')).toHaveCount(0);

  await page.getByRole('link', { name: child.name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: child.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Haushalt' }).getByRole('link', { name: title })).toBeVisible();
});

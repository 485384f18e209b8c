import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled } from './helpers';

// "Schriftverkehr": a letter written and sent by post through the API shows up in the agency's
// list, the filter "ohne Zustellnachweis" keeps it, "Rückläufer" does not; after the returned mail
// is recorded it moves to "Rückläufer". The demo seed holds thousands of people: random suffix.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Zustellung${suffix}`;

let page: Page;
let letterId = '';
let caseIdForPanel = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  page = await context.newPage();
  await login(page, 'sozialamt');
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const person = await page.request.post('/api/v1/people', {
    data: {
      givenNames: 'Samir',
      familyName,
      dateOfBirth: '1990-06-01',
      duplicatesReviewed: true,
      addresses: [
        { kind: 'residence', street: 'Zustellweg', houseNumber: '7', postalCode: '45468', city: 'Mülheim an der Ruhr' },
      ],
    },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const kase = await page.request.post('/api/v1/cases', { data: { personId, title: 'Zustellung' }, headers });
  expect(kase.status(), await kase.text()).toBe(201);
  const caseId = ((await kase.json()) as { id: string }).id;
  caseIdForPanel = caseId;
  const letter = await page.request.post(`/api/v1/cases/${caseId}/letters`, {
    data: {
      template: 'appointment',
      language: 'de',
      fields: {
        appointmentDate: '2030-01-15',
        appointmentTime: '09:30',
        appointmentPlace: 'Rathaus, Raum 3',
        topic: 'Beratung',
      },
    },
    headers,
  });
  expect(letter.status(), await letter.text()).toBe(201);
  letterId = ((await letter.json()) as { id: string }).id;
  const sent = await page.request.post(`/api/v1/letters/${letterId}/send`, {
    data: { channel: 'post' },
    headers: { ...headers, 'If-Match': String(letter.headers().etag ?? '"1"') },
  });
  expect(sent.status(), await sent.text()).toBe(200);
});

test.afterAll(async () => {
  await page.context().close();
});

test('lists the sent letter, filters by missing proof and returned mail, and passes axe', async () => {
  await page.goto('/schriftverkehr?ohneNachweis=ja');
  await expect(page.getByRole('heading', { level: 1, name: 'Schriftverkehr' })).toBeVisible();
  await settled(page);
  const table = page.getByRole('table', { name: 'Briefe Ihrer Stelle' });
  const row = table.getByRole('row').filter({ hasText: `${familyName}, Samir` });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Versandt', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'Schriftverkehr mit Filter ohne Zustellnachweis');

  // The returned-mail filter (keyboard): the letter is not among the returned ones yet.
  const returned = page.getByRole('checkbox', { name: 'Rückläufer und Unzustellbares' });
  await returned.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/ruecklaeufer=ja/);
  await settled(page);
  await expect(page.getByRole('row').filter({ hasText: `${familyName}, Samir` })).toHaveCount(0);
});

test('after the returned mail is recorded, the letter is among the returned ones', async () => {
  const headers = { 'X-CSRF-Token': await csrf(page), 'If-Match': '"2"' };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const res = await page.request.post(`/api/v1/letters/${letterId}/delivery`, {
    data: { kind: 'returned', occurredOn: today, reason: 'moved' },
    headers,
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.goto('/schriftverkehr?ruecklaeufer=ja');
  await settled(page);
  const row = page.getByRole('row').filter({ hasText: `${familyName}, Samir` });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Rückläufer', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'Schriftverkehr mit Rückläufern');
});

test('sends a draft by post from the letter page and records returned mail with the address facts', async () => {
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const draft = await page.request.post(`/api/v1/cases/${caseIdForPanel}/letters`, {
    data: {
      template: 'appointment',
      language: 'de',
      fields: {
        appointmentDate: '2030-02-01',
        appointmentTime: '10:00',
        appointmentPlace: 'Rathaus, Raum 4',
        topic: 'Beratung',
      },
    },
    headers,
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const id = ((await draft.json()) as { id: string }).id;
  await page.goto(`/schriftverkehr/${id}`);
  const panel = page.locator('#letter-delivery');
  await expect(panel.getByRole('heading', { name: 'Versand und Zustellung' })).toBeVisible();
  await settled(page);

  await panel.getByRole('button', { name: 'Versenden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Brief versenden' });
  await expect(dialog).toBeVisible();
  // No consent: e-mail is offered but disabled, with the reason.
  await expect(dialog.getByRole('radio', { name: /E-Mail/ })).toBeDisabled();
  await expect(dialog.getByText(/nicht \(oder nicht mehr\) eingewilligt/).first()).toBeVisible();
  await expect(dialog.getByText('Zustellweg 7')).toBeVisible();
  await expectNoAxeViolations(page, 'Dialog Brief versenden');
  await dialog.getByRole('radio', { name: 'Post', exact: true }).check();
  await dialog.getByRole('button', { name: 'Jetzt versenden' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('Der Brief ist versandt.')).toBeVisible();

  await panel.getByRole('button', { name: 'Rückläufer / unzustellbar erfassen' }).click();
  const returned = page.getByRole('dialog', { name: 'Rückläufer / unzustellbar erfassen' });
  await expect(returned).toBeVisible();
  // The default reason "Kein Briefkasten" suggests the facts.
  await expect(returned.getByRole('checkbox', { name: 'Kein Briefkasten vorhanden' })).toBeChecked();
  await expect(
    returned.getByRole('checkbox', { name: 'Zustellung an diese Anschrift ist nicht möglich' }),
  ).toBeChecked();
  await expectNoAxeViolations(page, 'Dialog Rückläufer erfassen');
  await returned.getByRole('button', { name: 'Speichern' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Rückläufer wirklich erfassen?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Rückläufer erfassen' }).click();
  await expect(panel.getByText(/Der Rückläufer ist erfasst/)).toBeVisible();
});

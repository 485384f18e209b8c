import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, login, settled, tabTo } from './helpers';

// The interview's case: a person lives in a house without a mailbox. An invitation to an
// appointment is sent by post and comes back ("kein Briefkasten"): the address register now flags
// the address. The appointment is marked "Nicht wahrgenommen"; "Leistungsminderung prüfen" is
// blocked with the explanation, hand delivery is proposed, and the decision is recorded with the
// keyboard only. The case shows the blocked decision and the task for the hand delivery.
// The person, case, appointment and the letter draft are created through the API; sending,
// the returned mail, the appointment's status and the guard go through the UI.
test.describe.configure({ mode: 'serial' });

const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const familyName = `Briefkasten${suffix}`;

let page: Page;
let caseId = '';
let letterId = '';

async function csrf(p: Page): Promise<string> {
  const me = await p.request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  return ((await me.json()) as { session: { csrfToken: string } }).session.csrfToken;
}

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
  await login(page, 'sozialamt');
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const person = await page.request.post('/api/v1/people', {
    data: {
      givenNames: 'Hamid',
      familyName,
      dateOfBirth: '1988-04-12',
      duplicatesReviewed: true,
      addresses: [
        {
          kind: 'residence',
          street: 'Ohnekastenweg',
          houseNumber: suffix,
          postalCode: '45468',
          city: 'Mülheim an der Ruhr',
        },
      ],
    },
    headers,
  });
  expect(person.status(), await person.text()).toBe(201);
  const personId = ((await person.json()) as { id: string }).id;
  const kase = await page.request.post('/api/v1/cases', {
    data: { personId, title: `Meldetermin ${suffix}` },
    headers,
  });
  expect(kase.status(), await kase.text()).toBe(201);
  caseId = ((await kase.json()) as { id: string }).id;
  // An appointment that began two hours ago (it can be marked missed right away).
  const startsAt = new Date(Date.now() - 2 * 3600_000).toISOString();
  const appt = await page.request.post(`/api/v1/cases/${caseId}/appointments`, {
    data: { kind: 'authority', title: 'Meldetermin Leistungen', startsAt },
    headers,
  });
  expect(appt.status(), await appt.text()).toBe(201);
  const appointmentId = ((await appt.json()) as { id: string }).id;
  const letter = await page.request.post(`/api/v1/cases/${caseId}/letters`, {
    data: {
      template: 'appointment',
      language: 'de',
      appointmentId,
      fields: {
        appointmentDate: '2030-01-15',
        appointmentTime: '09:30',
        appointmentPlace: 'Rathaus, Raum 3',
        topic: 'Meldetermin',
      },
    },
    headers,
  });
  expect(letter.status(), await letter.text()).toBe(201);
  letterId = ((await letter.json()) as { id: string }).id;
});

test.afterAll(async () => {
  await page.context().close();
});

test('the invitation is sent by post and comes back: no mailbox', async () => {
  await page.goto(`/schriftverkehr/${letterId}`);
  const panel = page.locator('#letter-delivery');
  await expect(panel.getByRole('heading', { name: 'Versand und Zustellung' })).toBeVisible();
  await settled(page);
  await panel.getByRole('button', { name: 'Versenden' }).click();
  const send = page.getByRole('dialog', { name: 'Brief versenden' });
  await send.getByRole('radio', { name: 'Post', exact: true }).check();
  await send.getByRole('button', { name: 'Jetzt versenden' }).click();
  await expect(send).toBeHidden();
  await expect(panel.getByText('Der Brief ist versandt.')).toBeVisible();

  await panel.getByRole('button', { name: 'Rückläufer / unzustellbar erfassen' }).click();
  const returned = page.getByRole('dialog', { name: 'Rückläufer / unzustellbar erfassen' });
  await expect(returned.getByRole('checkbox', { name: 'Kein Briefkasten vorhanden' })).toBeChecked();
  await returned.getByRole('button', { name: 'Speichern' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Rückläufer wirklich erfassen?' });
  await confirm.getByRole('button', { name: 'Rückläufer erfassen' }).click();
  await expect(panel.getByText(/Der Rückläufer ist erfasst/)).toBeVisible();
});

test('the missed appointment: the guard blocks, proposes hand delivery, and the decision is recorded by keyboard', async () => {
  await page.goto(`/faelle/${caseId}`);
  await settled(page);
  const appointments = page.locator('#case-appointments');
  await appointments.getByRole('button', { name: 'Nicht wahrgenommen: Meldetermin Leistungen' }).click();
  await expect(appointments.getByText(/Nicht wahrgenommen|Versäumt/).first()).toBeVisible();

  const open = appointments.getByRole('button', { name: 'Leistungsminderung prüfen: Meldetermin Leistungen' });
  await expect(open).toBeVisible();
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Leistungsminderung prüfen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Leistungsminderung gesperrt')).toBeVisible();
  await expect(dialog.getByText(/keinen Briefkasten/).first()).toBeVisible();
  await expect(dialog.getByText(/Zustellung der Einladung ist nicht nachgewiesen/)).toBeVisible();
  await expectNoAxeViolations(page, 'Dialog Leistungsminderung prüfen');

  // Keyboard only: submitting without a channel explains what is missing.
  const submit = dialog.getByRole('button', { name: 'Entscheidung festhalten' });
  await tabTo(page, submit, 40);
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Bitte einen zweiten Zustellweg wählen.').first()).toBeVisible();

  const hand = dialog.getByRole('radio', { name: 'Persönliche Übergabe in der Unterkunft' });
  await tabTo(page, hand, 40);
  await page.keyboard.press('Space');
  await expect(hand).toBeChecked();
  const note = dialog.getByRole('textbox', { name: /Vermerk zur Entscheidung/ });
  await tabTo(page, note, 40);
  await page.keyboard.type('Neue Einladung wird in der Unterkunft übergeben.');
  await tabTo(page, submit, 40);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Die Entscheidung wurde festgehalten.')).toBeVisible();
});

test('the case shows the blocked decision and the task for the hand delivery', async () => {
  await page.reload();
  await settled(page);
  const section = page.locator('#case-benefit-reductions');
  await expect(section.getByRole('heading', { name: 'Leistungsminderungen' })).toBeVisible();
  await expect(section.getByText('Gesperrt')).toBeVisible();
  await expect(section.getByText('Zweiter Zustellweg: Persönliche Übergabe in der Unterkunft')).toBeVisible();
  await expect(section.getByText('Neue Einladung wird in der Unterkunft übergeben.')).toBeVisible();
  await expect(page.locator('#case-tasks').getByText('Einladung persönlich in der Unterkunft übergeben')).toBeVisible();
  await expectNoAxeViolations(page, 'Fall mit Leistungsminderung');
});

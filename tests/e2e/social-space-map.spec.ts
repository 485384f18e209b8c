import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, login, loginAsAdmin, settled, tabTo } from './helpers';

test('the social-space map shows the 15 districts, and the list view is accessible and keyboard reachable', async ({
  page,
}) => {
  await login(page, 'sozialamt');
  await page.goto('/sozialraum');
  await expect(page.getByRole('heading', { level: 1, name: 'Sozialraum – Karte' })).toBeVisible();
  await settled(page);

  const map = page.getByRole('region', { name: 'Karte des Sozialraums Mülheim an der Ruhr' });
  await expect(map).toBeVisible();
  // Without a tile server: one SVG outline and one label per district.
  await expect(map.locator('path.lotse-map-district')).toHaveCount(15);
  for (const name of ['Styrum', 'Dümpten', 'Altstadt I', 'Saarn', 'Mintard', 'Menden-Holthausen']) {
    await expect(map.locator('.lotse-map-label').filter({ hasText: new RegExp(`^${name}$`) })).toHaveCount(1);
  }
  // No tiles are requested when none are configured.
  await expect(map.locator('img.leaflet-tile')).toHaveCount(0);
  // The map is not a keyboard trap: Tab moves on from it.
  // Before the map: navigation, the area's tabs, one checkbox per category, layers and the view switch.
  await tabTo(page, map, 80);
  // Inside it, each resource and address marker is a button with a name; after them Tab leaves the map.
  const markers = await map.getByRole('button').count();
  let left = false;
  for (let i = 0; i < markers + 10 && !left; i += 1) {
    await page.keyboard.press('Tab');
    left = !(await map.evaluate((el) => el.contains(document.activeElement)));
  }
  expect(left).toBe(true);

  await page.getByRole('radio', { name: 'Listenansicht' }).check();
  const districts = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Letzte Erkundung' }) });
  await expect(districts.getByRole('row')).toHaveCount(16);
  await expect(page.getByRole('heading', { level: 2, name: 'Anschriften mit Zustellproblemen' })).toBeVisible();
  await expectNoAxeViolations(page, 'social-space map, list view');

  // Keyboard: from the view switch to the first district link, and on to its detail page.
  const styrum = districts.getByRole('link', { name: 'Styrum' });
  await tabTo(page, styrum, 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Styrum' })).toBeVisible();
});

test('steering sees the map without the address layer', async ({ page }) => {
  await login(page, 'steuerung');
  await page.goto('/sozialraum');
  await settled(page);
  await expect(page.getByRole('checkbox', { name: 'Anschriften mit Zustellproblemen' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Listenansicht' }).check();
  await expect(page.getByRole('heading', { level: 2, name: 'Stadtteile' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Anschriften mit Zustellproblemen' })).toHaveCount(0);
});

test('a team lead assigns a colleague to a district and removes the assignment again', async ({ page }) => {
  await login(page, 'teamleitung');
  await page.goto('/sozialraum/stadtteile');
  await expect(page.getByRole('heading', { level: 1, name: 'Stadtteile' })).toBeVisible();
  await settled(page);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(16);
  await expectNoAxeViolations(page, 'districts list');

  // Sorting by population puts the smallest district (Mintard) first.
  await page.getByRole('button', { name: 'Einwohner' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Mintard');

  await page.getByRole('link', { name: 'Eppinghofen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eppinghofen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Umriss des Stadtteils Eppinghofen' })).toBeVisible();
  await expect(page.getByText('Diesem Stadtteil ist noch niemand zugeordnet.')).toBeVisible();
  // Cadence and population are the system administrator's.
  await expect(page.getByRole('button', { name: 'Turnus und Einwohnerzahl ändern' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Mitarbeitende zuordnen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mitarbeitende dem Stadtteil Eppinghofen zuordnen' });
  await dialog.getByRole('button', { name: 'Zuordnen' }).click();
  await expect(dialog.getByText('Bitte wählen Sie eine Kollegin oder einen Kollegen aus.')).toBeVisible();
  const sabine = await dialog.locator('option', { hasText: 'Sabine Schulte' }).getAttribute('value');
  await dialog.getByLabel('Kollegin oder Kollege').selectOption(sabine);
  await dialog.getByRole('button', { name: 'Zuordnen' }).click();
  await expect(page.getByText('Sabine Schulte ist dem Stadtteil zugeordnet.')).toBeVisible();
  const staff = page.getByRole('table', { name: 'Zugeordnete Mitarbeitende' });
  await expect(staff.getByRole('row').filter({ hasText: 'Sabine Schulte' })).toContainText('Sozialamt');
  await expectNoAxeViolations(page, 'district detail');

  await staff.getByRole('button', { name: 'Sabine Schulte aus dem Stadtteil entfernen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Zuordnung entfernen?' });
  await confirm.getByRole('button', { name: 'Entfernen' }).click();
  await expect(page.getByText('Sabine Schulte ist nicht mehr zugeordnet.')).toBeVisible();
  await expect(page.getByText('Diesem Stadtteil ist noch niemand zugeordnet.')).toBeVisible();
});

test('the system administrator assigns a caseworker of another agency and may remove them again', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/sozialraum/stadtteile');
  await page.getByRole('link', { name: 'Styrum' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Styrum' })).toBeVisible();
  await page.getByRole('button', { name: 'Mitarbeitende zuordnen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mitarbeitende dem Stadtteil Styrum zuordnen' });
  // Administrators choose from the staff list, each with the agency; only caseworkers and team leads are offered.
  const option = dialog.locator('option', { hasText: 'Jonas Krämer (Jobcenter' });
  await expect(option).toHaveCount(1);
  await expect(dialog.locator('option', { hasText: 'Dorothea Brandt' })).toHaveCount(0);
  await dialog.getByLabel('Kollegin oder Kollege').selectOption((await option.getAttribute('value')));
  await dialog.getByRole('button', { name: 'Zuordnen' }).click();
  await expect(page.getByText('Jonas Krämer ist dem Stadtteil zugeordnet.')).toBeVisible();
  const staff = page.getByRole('table', { name: 'Zugeordnete Mitarbeitende' });
  await staff.getByRole('button', { name: 'Jonas Krämer aus dem Stadtteil entfernen' }).click();
  await page
    .getByRole('alertdialog', { name: 'Zuordnung entfernen?' })
    .getByRole('button', { name: 'Entfernen' })
    .click();
  await expect(page.getByText('Jonas Krämer ist nicht mehr zugeordnet.')).toBeVisible();
});

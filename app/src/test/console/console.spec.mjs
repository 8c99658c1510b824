// Drives the web console in a real, headless Chromium against a running Taskbot: a person signs up, chats a task
// into being, sees it listed without a reload (also one created elsewhere), ticks it done, reads its history and
// the task as it was, renames and deletes, and logs out. Run by ConsoleIT:
//   TASKBOT_URL=http://127.0.0.1:8000 CHROMIUM=/usr/bin/chromium SCREENSHOTS=target/console node console.spec.mjs
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.TASKBOT_URL;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshots = process.env.SCREENSHOTS || 'screenshots';
const WAIT = 30_000;
assert.ok(base, 'TASKBOT_URL is required');
mkdirSync(screenshots, { recursive: true });

const userDataDir = mkdtempSync(join(tmpdir(), 'taskbot-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1440, height: 960 },
  timezoneId: 'Europe/Berlin',
  locale: 'en-GB',
});
context.setDefaultTimeout(WAIT);
const problems = [];
const page = context.pages()[0] || await context.newPage();
page.on('console', (message) => {
  // refusals the test provokes (a bad password) are logged by the browser as failed loads; anything else counts
  if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
    problems.push(`console: ${message.text()}`);
  }
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

const step = (name) => console.log(`- ${name}`);
const shot = (name) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

try {
  step('the page and its assets load without a token');
  await page.goto(base);
  await page.getByLabel('Email').waitFor();
  await shot('1-sign-in');

  step('a bad password is refused in words');
  const email = `console-${Date.now()}@example.com`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('alert').filter({ hasText: /password/i }).waitFor();

  step('sign up');
  await page.getByLabel('Password').fill('watering-can-42');
  await page.getByRole('button', { name: 'Create account' }).click();
  const message = page.getByLabel('Message');
  await message.waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  const tasks = page.getByRole('list', { name: 'Tasks' });

  step('chat a task into being');
  await message.fill('remind me to water the plants tomorrow');
  await page.getByRole('button', { name: 'Send' }).click();
  const log = page.getByRole('log');
  const reply = log.locator('.bubble.theirs:not(.pending)').last();
  await reply.waitFor();
  await reply.getByRole('list', { name: 'Tool calls' }).getByText('create_todo').waitFor();

  step('the chatted task is listed without a reload');
  const plants = tasks.getByRole('listitem').filter({ hasText: /water the plants/i });
  await plants.waitFor();
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const dueText = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short',
    timeZone: 'Europe/Berlin' }).format(tomorrow);
  await plants.getByText(dueText).waitFor();
  await plants.getByText('Medium').waitFor();

  step('a task created elsewhere (another client, contract 000) shows up too');
  const token = await page.evaluate(() => sessionStorage.getItem('taskbot.token'));
  const created = await fetch(`${base}/api/v1/tasks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Buy fertilizer', priority: 'high', tags: ['garden'] }),
  });
  assert.equal(created.status, 201);
  const fertilizer = tasks.getByRole('listitem').filter({ hasText: 'Buy fertilizer' });
  await fertilizer.getByText('#garden').waitFor();
  await shot('2-chat-and-tasks');

  step('filters: by tag and by search');
  await page.getByLabel('Tag').fill('garden');
  await plants.waitFor({ state: 'detached' });
  await fertilizer.waitFor();
  await page.getByLabel('Tag').fill('');
  await page.getByLabel('Search').fill('plants');
  await fertilizer.waitFor({ state: 'detached' });
  await plants.waitFor();
  await page.getByLabel('Search').fill('');
  await fertilizer.waitFor();

  step('add, rename and delete from the list');
  await page.getByLabel('New task', { exact: true }).fill('Repot the fern');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const fern = tasks.getByRole('listitem').filter({ hasText: 'Repot the fern' });
  await fern.waitFor();
  await fern.getByRole('button', { name: 'Rename Repot the fern' }).click();
  const renaming = page.getByLabel('New title for Repot the fern');
  await renaming.fill('Repot the big fern');
  await renaming.press('Enter');
  const bigFern = tasks.getByRole('listitem').filter({ hasText: 'Repot the big fern' });
  await bigFern.waitFor();
  await bigFern.getByRole('button', { name: 'Delete Repot the big fern' }).click();
  await bigFern.waitFor({ state: 'detached' });

  step('tick the chatted task done');
  await plants.getByRole('checkbox').check();
  await plants.waitFor({ state: 'detached' }); // the list shows open tasks
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Completed' });
  await plants.waitFor();
  assert.equal(await plants.getByRole('checkbox').isChecked(), true);
  await page.locator('.chart .bars .bar:not(.zero)').first().waitFor();

  step('a change made in the chat reaches the list: reopen it by chat');
  await message.fill('reopen water the plants');
  await page.getByRole('button', { name: 'Send' }).click();
  await log.getByText('update_todo').last().waitFor();
  await plants.waitFor({ state: 'detached' });
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'All' });
  await plants.waitFor();
  assert.equal(await plants.getByRole('checkbox').isChecked(), false);
  await plants.getByRole('checkbox').check();
  await page.waitForFunction(() => {
    const box = [...document.querySelectorAll('#task-list .task')]
      .find((row) => /water the plants/i.test(row.textContent));
    return box && box.querySelector('input[type=checkbox]').checked && !box.querySelector('input').disabled;
  });

  step('open its history');
  await plants.locator('button.title').click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByText('Created').waitFor();
  const events = history.getByRole('listitem');
  await events.filter({ hasText: 'Completed' }).first().waitFor();
  await events.filter({ hasText: 'Reopened' }).waitFor();
  await events.filter({ hasText: 'Created' }).getByText(/via chat/).waitFor();
  await events.filter({ hasText: 'Completed' }).first().getByText(/via REST \/v1/).waitFor();
  await events.filter({ hasText: 'Created' }).getByText(/by you/).waitFor();

  step('the task as it was when it was created');
  await events.filter({ hasText: 'Created' }).getByRole('button', { name: /as it was/i }).click();
  const asItWas = page.getByRole('region', { name: 'As it was' });
  await asItWas.locator('dd').filter({ hasText: /^Pending$/ }).waitFor();
  await shot('3-task-history');

  step('narrow screens get one column');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Close task details' }).click();
  await shot('4-phone');
  await page.setViewportSize({ width: 1440, height: 960 });

  step('resume the conversation after a reload');
  await page.reload();
  await page.getByRole('log').getByText('remind me to water the plants tomorrow').waitFor();
  await page.getByRole('log').getByText('create_todo').first().waitFor();

  step('log out revokes the token');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  const me = await fetch(`${base}/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status, 401);

  step('log in again');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('watering-can-42');
  await page.getByRole('button', { name: 'Log in' }).click();
  await tasks.getByRole('listitem').filter({ hasText: 'Buy fertilizer' }).waitFor();

  assert.deepEqual(problems, [], 'the page reported errors');
  console.log('console: all steps passed');
} catch (failure) {
  await shot('failure').catch(() => {});
  console.error(`console test failed: ${failure.stack || failure}`);
  if (problems.length) {
    console.error(problems.join('\n'));
  }
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

// A task's details: its fields, its history as a timeline, and the task as it was at a chosen instant.
import { tasks as api } from './api.js';
import { byId, capitalize, el, formatDue, formatInstant, showError, toLocalInput } from './dom.js';

let openId = null;
let currentUserId = null;
let returnFocus = null;

const EVENT_NAMES = {
  'task.created': 'Created',
  'task.renamed': 'Renamed',
  'task.description_changed': 'Description changed',
  'task.priority_changed': 'Priority changed',
  'task.due_date_changed': 'Due date changed',
  'task.tags_changed': 'Tags changed',
  'task.completed': 'Completed',
  'task.reopened': 'Reopened',
  'task.archived': 'Archived',
  'task.unarchived': 'Restored from the archive',
  'task.deleted': 'Deleted',
};

export function initDetails() {
  byId('close-details').addEventListener('click', close);
  byId('details').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
    }
  });
  byId('as-of-form').addEventListener('submit', showAsOf);
}

export function setCurrentUser(user) {
  currentUserId = user ? user.id : null;
}

export async function openTask(id) {
  returnFocus = document.activeElement;
  openId = id;
  const panel = byId('details');
  panel.hidden = false;
  byId('as-of-facts').replaceChildren();
  showError('as-of-error', null);
  await refresh();
  byId('details-title').focus();
}

export function close() {
  openId = null;
  byId('details').hidden = true;
  if (returnFocus && returnFocus.isConnected) {
    returnFocus.focus();
  }
}

/** Called for every pushed change: the open task's panel follows it. */
export function taskChanged(change) {
  if (openId !== null && change.id === openId) {
    refresh();
  }
}

async function refresh() {
  const id = openId;
  try {
    const [task, history] = await Promise.all([api.get(id).catch((error) => {
      if (error.status === 404) {
        return null;
      }
      throw error;
    }), api.history(id)]);
    if (id !== openId) {
      return;
    }
    byId('details-title').textContent = task ? task.title : 'Deleted task';
    byId('details-facts').replaceChildren(...(task ? facts(task) : [el('dt', {}, 'Status'), el('dd', {}, 'Deleted')]));
    byId('timeline').replaceChildren(...history.slice().reverse().map(entry));
    if (history.length && !byId('as-of').value) {
      byId('as-of').value = toLocalInput(history[0].timestamp);
    }
    showError('as-of-error', null);
  } catch (error) {
    showError('as-of-error', error);
  }
}

function facts(task) {
  return [
    el('dt', {}, 'Status'), el('dd', {}, capitalize(task.status)),
    el('dt', {}, 'Priority'), el('dd', {}, el('span', { class: `badge priority ${task.priority}` },
      capitalize(task.priority))),
    el('dt', {}, 'Due'), el('dd', {}, task.due_date ? formatDue(task.due_date) : 'No due date'),
    el('dt', {}, 'Tags'), el('dd', {}, task.tags.length ? task.tags.map((tag) => el('span', { class: 'tag' }, `#${tag}`))
      : 'None'),
    task.description && [el('dt', {}, 'Description'), el('dd', {}, task.description)],
    el('dt', {}, 'Created'), el('dd', {}, formatInstant(task.created_at)),
    el('dt', {}, 'Changed'), el('dd', {}, formatInstant(task.updated_at)),
  ].flat().filter(Boolean);
}

function channelName(channel) {
  if (!channel) {
    return 'unknown channel';
  }
  if (channel.startsWith('chat:')) {
    return 'chat';
  }
  return { v1: 'REST /v1', 'api-v1': 'REST /api/v1', 'api-chat': 'chat API' }[channel] || channel;
}

function actorName(actor) {
  if (!actor) {
    return 'unknown';
  }
  return actor === currentUserId ? 'you' : actor;
}

function describeChanges(changes) {
  if (!changes) {
    return '';
  }
  return Object.entries(changes)
    .filter(([key]) => key !== 'status' && key !== 'owner_id')
    .map(([key, value]) => `${key.replace(/_/g, ' ')}: ${Array.isArray(value) ? value.map((tag) => `#${tag}`).join(' ')
      || 'none' : value === null || value === '' ? 'none' : value}`)
    .join(' · ');
}

function entry(change) {
  const kind = change.type.replace('task.', '');
  return el('li', { class: `event ${kind}` },
    el('span', { class: 'dot', 'aria-hidden': 'true' }),
    el('div', { class: 'event-body' },
      el('strong', {}, EVENT_NAMES[change.type] || change.type),
      el('span', { class: 'event-meta' },
        el('time', { datetime: change.timestamp }, formatInstant(change.timestamp)),
        ` · by ${actorName(change.actor)} · via ${channelName(change.channel)}`),
      describeChanges(change.changes) && el('span', { class: 'event-changes' }, describeChanges(change.changes)),
      el('button', {
        type: 'button', class: 'link small',
        'aria-label': `Show the task as it was after: ${EVENT_NAMES[change.type] || change.type}, ${formatInstant(change.timestamp)}`,
        onclick: () => {
          byId('as-of').value = toLocalInput(change.timestamp);
          byId('as-of-form').requestSubmit();
        },
      }, 'As it was then')));
}

async function showAsOf(event) {
  event.preventDefault();
  const value = byId('as-of').value;
  const when = new Date(value);
  if (!value || Number.isNaN(when.getTime())) {
    showError('as-of-error', new Error('Choose a date and time.'));
    return;
  }
  // the input has whole seconds; the end of that second includes everything that happened during it
  const instant = new Date(when.getTime() + 999).toISOString();
  try {
    const task = await api.asOf(openId, instant);
    showError('as-of-error', null);
    byId('as-of-facts').replaceChildren(el('dt', {}, 'Title'), el('dd', {}, task.title), ...facts(task));
  } catch (error) {
    byId('as-of-facts').replaceChildren();
    showError('as-of-error', error.status === 404
      ? new Error(`The task did not exist at ${formatInstant(instant)}.`) : error);
  }
}

// The task list: filters, search, add, complete/reopen, rename, delete, and live changes from the event stream.
import { tasks as api } from './api.js';
import { byId, capitalize, el, formatDue, isOverdue, showError, toast } from './dom.js';
import { renderChart } from './chart.js';

const PAGE_SIZE = 50;
const shown = new Map(); // task id -> task, in list order
let page = 1;
let total = 0;
let openDetails = () => {};
let reloadTimer;
let loading = Promise.resolve();
// while a title is being edited the list is not redrawn, which would throw the edit away; it is redrawn after
let editing = false;

function filter() {
  return {
    search: byId('search').value.trim(),
    completed: byId('filter-status').value,
    priority: byId('filter-priority').value,
    tag: byId('filter-tag').value.trim().replace(/^#/, '').toLowerCase(),
  };
}

/** Whether a task belongs in the list as it is filtered now; the server decides the same for the list it sends. */
function matches(task) {
  const wanted = filter();
  if (wanted.completed !== '' && String(task.completed) !== wanted.completed) {
    return false;
  }
  if (wanted.priority && task.priority !== wanted.priority) {
    return false;
  }
  if (wanted.tag && !task.tags.includes(wanted.tag)) {
    return false;
  }
  if (wanted.search) {
    const text = wanted.search.toLowerCase();
    return task.title.toLowerCase().includes(text) || (task.description || '').toLowerCase().includes(text);
  }
  return true;
}

export function initTasks({ onOpen }) {
  openDetails = onOpen;
  byId('add-form').addEventListener('submit', add);
  byId('filters').addEventListener('submit', (event) => event.preventDefault());
  for (const id of ['filter-status', 'filter-priority']) {
    byId(id).addEventListener('change', () => reload());
  }
  for (const id of ['search', 'filter-tag']) {
    byId(id).addEventListener('input', () => reloadSoon(250));
  }
  byId('more').addEventListener('click', () => load(page + 1));
}

export function reload() {
  return load(1);
}

function reloadSoon(delay = 150) {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(reload, delay);
}

function load(pageNumber) {
  loading = loading.then(async () => {
    try {
      const result = await api.list(filter(), pageNumber, PAGE_SIZE);
      if (pageNumber === 1) {
        shown.clear();
      }
      for (const task of result.tasks) {
        shown.set(task.id, task);
      }
      page = pageNumber;
      total = result.pagination.total;
      showError('tasks-error', null);
      render();
    } catch (error) {
      showError('tasks-error', error);
    }
  });
  refreshChart();
  return loading;
}

let chartTimer;

function refreshChart() {
  clearTimeout(chartTimer);
  chartTimer = setTimeout(async () => {
    try {
      const completed = await api.list({ completed: 'true' }, 1, 100);
      renderChart(byId('chart-body'), completed.tasks);
    } catch {
      // the chart is a nicety; the list shows the error if there is one
    }
  }, 300);
}

/** A change pushed by the server: applied in place when the list holds the task, otherwise the list is read again. */
export function applyChange(change) {
  refreshChart();
  if (change.deleted) {
    if (shown.delete(change.id)) {
      total -= 1;
      render();
    }
    return;
  }
  const task = change.task;
  const known = shown.get(task.id);
  if (known && matches(task)) {
    shown.set(task.id, task);
    render();
  } else if (known) {
    shown.delete(task.id);
    total -= 1;
    render();
  } else if (matches(task)) {
    reloadSoon();
  }
}

function render() {
  if (editing) {
    return;
  }
  const list = byId('task-list');
  const focused = document.activeElement && document.activeElement.closest('.task');
  const focusKey = focused && document.activeElement.dataset.focusKey;
  const focusId = focused && focused.dataset.id;
  list.replaceChildren(...[...shown.values()].map(item));
  byId('tasks-empty').hidden = shown.size > 0;
  byId('more').hidden = shown.size >= total;
  byId('task-count').textContent = total === 1 ? '1 task' : `${total} tasks`;
  const tags = new Set([...shown.values()].flatMap((task) => task.tags));
  byId('known-tags').replaceChildren(...[...tags].sort().map((tag) => el('option', { value: tag })));
  if (focusKey && focusId) {
    const again = list.querySelector(`.task[data-id="${focusId}"] [data-focus-key="${focusKey}"]`);
    if (again) {
      again.focus();
    }
  }
}

function item(task) {
  const titleId = `task-title-${task.id}`;
  return el('li', { class: `task priority-${task.priority}${task.completed ? ' done' : ''}`, 'data-id': task.id },
    el('input', {
      type: 'checkbox', class: 'check', checked: task.completed, 'aria-labelledby': titleId,
      'data-focus-key': 'check', title: task.completed ? 'Reopen' : 'Mark as done',
      onchange: (event) => toggle(task, event.target),
    }),
    el('div', { class: 'task-main' },
      el('button', {
        type: 'button', class: 'title link', id: titleId, 'data-focus-key': 'title',
        'aria-description': 'Open details and history', onclick: () => openDetails(task.id),
      }, task.title),
      el('div', { class: 'meta' },
        el('span', { class: `badge priority ${task.priority}` }, capitalize(task.priority)),
        task.due_date && el('span', { class: `due${isOverdue(task) ? ' overdue' : ''}` },
          'Due ', formatDue(task.due_date),
          isOverdue(task) && el('span', { class: 'visually-hidden' }, ', overdue')),
        task.tags.map((tag) => el('span', { class: 'tag' }, `#${tag}`)),
        task.status === 'archived' && el('span', { class: 'badge archived' }, 'Archived'))),
    el('div', { class: 'task-actions' },
      el('button', {
        type: 'button', class: 'ghost small', 'data-focus-key': 'rename', 'aria-label': `Rename ${task.title}`,
        onclick: (event) => rename(task, event.target.closest('.task')),
      }, 'Rename'),
      el('button', {
        type: 'button', class: 'ghost small danger', 'data-focus-key': 'delete', 'aria-label': `Delete ${task.title}`,
        onclick: () => remove(task),
      }, 'Delete')));
}

async function add(event) {
  event.preventDefault();
  const form = event.target;
  // through elements: form.title would be the form's own title attribute
  const fields = form.elements;
  const title = fields.title.value.trim();
  if (!title) {
    showError('tasks-error', new Error('A task needs a title.'));
    fields.title.focus();
    return;
  }
  const task = { title, priority: fields.priority.value };
  if (fields.due_date.value) {
    task.due_date = fields.due_date.value;
  }
  try {
    const created = await api.create(task);
    form.reset();
    showError('tasks-error', null);
    toast(`Added "${created.title}"`);
    if (matches(created) && !shown.has(created.id)) {
      await reload();
    }
  } catch (error) {
    showError('tasks-error', error);
  }
  fields.title.focus();
}

async function toggle(task, checkbox) {
  checkbox.disabled = true;
  try {
    const updated = await api.complete(task.id, checkbox.checked);
    toast(updated.completed ? `Done: "${updated.title}"` : `Reopened "${updated.title}"`);
    applyChange({ id: updated.id, deleted: false, task: updated });
  } catch (error) {
    checkbox.checked = task.completed;
    showError('tasks-error', error);
  } finally {
    checkbox.disabled = false;
  }
}

function rename(task, row) {
  const title = row.querySelector('.title');
  const input = el('input', { class: 'rename', value: task.title, maxlength: 255, 'aria-label': `New title for ${task.title}` });
  let done = false;
  const finish = async (save) => {
    if (done) {
      return;
    }
    done = true;
    editing = false;
    const value = input.value.trim();
    if (save && value && value !== task.title) {
      try {
        const updated = await api.update(task.id, { title: value });
        toast(`Renamed to "${updated.title}"`);
        applyChange({ id: updated.id, deleted: false, task: updated });
        return;
      } catch (error) {
        showError('tasks-error', error);
      }
    }
    render();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
  editing = true;
  title.replaceWith(input);
  input.focus();
  input.select();
}

async function remove(task) {
  try {
    await api.remove(task.id);
    toast(`Deleted "${task.title}"`);
    applyChange({ id: task.id, deleted: true });
  } catch (error) {
    showError('tasks-error', error);
  }
}

// Small helpers for building the page. Text from the API is only ever set as text, never parsed as HTML.

/** el('li', {class: 'x', onclick: f}, child, 'text', ...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(node, child);
    } else {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function byId(id) {
  return document.getElementById(id);
}

export function showError(id, error) {
  const node = byId(id);
  node.textContent = error ? (error.message || String(error)) : '';
}

let toastTimer;

/** A short note at the bottom of the screen, read out by screen readers. */
export function toast(text) {
  const node = byId('toast');
  node.textContent = text;
  node.classList.add('shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => node.classList.remove('shown'), 3500);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** A due date is a day (YYYY-MM-DD, shown as that day) or an instant with an offset (shown in local time). */
export function formatDue(due) {
  if (!due) {
    return '';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) {
    const [year, month, day] = due.split('-').map(Number);
    return dateFormat.format(new Date(year, month - 1, day));
  }
  const when = new Date(due);
  return Number.isNaN(when.getTime()) ? due : `${dateFormat.format(when)}, ${when.toLocaleTimeString([], {
    hour: '2-digit', minute: '2-digit' })}`;
}

export function isOverdue(task) {
  if (!task.due_date || task.completed) {
    return false;
  }
  const due = /^\d{4}-\d{2}-\d{2}$/.test(task.due_date) ? new Date(`${task.due_date}T23:59:59`) : new Date(task.due_date);
  return due.getTime() < Date.now();
}

export function formatInstant(instant) {
  const when = new Date(instant);
  return Number.isNaN(when.getTime()) ? instant : dateTimeFormat.format(when);
}

/** "2026-12-01T10:00:05" for a datetime-local input, in local time. */
export function toLocalInput(instant) {
  const when = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:`
    + `${pad(when.getMinutes())}:${pad(when.getSeconds())}`;
}

export function capitalize(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

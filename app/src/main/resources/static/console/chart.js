// Completed tasks per day over the last two weeks, as an inline SVG bar chart. A completed task counts on the day
// it was last changed, which is the day it was completed unless it was edited afterwards.
import { el, svg } from './dom.js';

const DAYS = 14;
const dayLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

function dayKey(date) {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

export function renderChart(container, completedTasks) {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const days = [];
  for (let back = DAYS - 1; back >= 0; back -= 1) {
    const day = new Date(today);
    day.setDate(today.getDate() - back);
    days.push({ day, count: 0 });
  }
  const index = new Map(days.map((entry, position) => [dayKey(entry.day), position]));
  for (const task of completedTasks) {
    const position = index.get(dayKey(new Date(task.updated_at)));
    if (position !== undefined) {
      days[position].count += 1;
    }
  }
  const most = Math.max(1, ...days.map((entry) => entry.count));
  const width = 28 * DAYS;
  const height = 96;
  const bars = days.map((entry, position) => {
    const barHeight = entry.count === 0 ? 2 : Math.max(6, Math.round((entry.count / most) * (height - 30)));
    const x = position * 28 + 4;
    const label = `${dayLabel.format(entry.day)}: ${entry.count} completed`;
    return svg('g', { class: entry.count ? 'bar' : 'bar zero' },
      svg('title', {}, label),
      svg('rect', { x, y: height - 16 - barHeight, width: 20, height: barHeight, rx: 4 }),
      entry.count ? svg('text', { x: x + 10, y: height - 20 - barHeight, 'text-anchor': 'middle', class: 'value' },
        String(entry.count)) : null,
      position % 2 === (DAYS - 1) % 2
        ? svg('text', { x: x + 10, y: height - 2, 'text-anchor': 'middle', class: 'axis' }, String(entry.day.getDate()))
        : null);
  });
  const sum = days.reduce((all, entry) => all + entry.count, 0);
  const summary = `${sum} task${sum === 1 ? '' : 's'} completed in the last ${DAYS} days`;
  container.replaceChildren(
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary, class: 'bars' }, ...bars),
    el('p', { class: 'chart-summary' }, summary));
}

// The chat: one conversation at a time, earlier ones listed for resuming, tool calls shown under each reply.
import { chat as api } from './api.js';
import { byId, el, formatInstant, showError } from './dom.js';

const NEW = '';
let conversations = new Map(); // conversation id -> messages, oldest first
let current = NEW;
let sending = false;

export function initChat() {
  byId('chat-form').addEventListener('submit', send);
  byId('message').addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line, as in most chat apps
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      byId('chat-form').requestSubmit();
    }
  });
  byId('conversation').addEventListener('change', (event) => {
    current = event.target.value;
    renderMessages();
    byId('message').focus();
  });
}

export async function loadConversations() {
  try {
    const messages = await api.history();
    conversations = new Map();
    for (const message of messages) {
      if (!message.conversation_id) {
        continue;
      }
      if (!conversations.has(message.conversation_id)) {
        conversations.set(message.conversation_id, []);
      }
      conversations.get(message.conversation_id).push(message);
    }
    // resume the most recent conversation, as contract 000's POST /messages does
    const latest = [...conversations.entries()].sort(byLastMessage)[0];
    current = latest ? latest[0] : NEW;
    showError('chat-error', null);
  } catch (error) {
    showError('chat-error', error);
  }
  renderPicker();
  renderMessages();
}

export function resetChat() {
  conversations = new Map();
  current = NEW;
  renderPicker();
  renderMessages();
}

function byLastMessage([, a], [, b]) {
  return b[b.length - 1].id - a[a.length - 1].id;
}

function renderPicker() {
  const picker = byId('conversation');
  const options = [el('option', { value: NEW }, 'New conversation')];
  for (const [id, messages] of [...conversations.entries()].sort(byLastMessage)) {
    const first = messages.find((message) => message.role === 'user') || messages[0];
    const text = first.content.length > 40 ? `${first.content.slice(0, 40)}…` : first.content;
    options.push(el('option', { value: id }, `${text} · ${formatInstant(messages[messages.length - 1].timestamp)}`));
  }
  picker.replaceChildren(...options);
  picker.value = current;
}

function renderMessages() {
  const log = byId('messages');
  const messages = conversations.get(current) || [];
  if (!messages.length) {
    log.replaceChildren(el('div', { class: 'welcome' },
      el('p', {}, 'Ask in your own words, for example:'),
      el('ul', {},
        el('li', {}, 'remind me to water the plants tomorrow'),
        el('li', {}, 'add call mom friday at 5pm, it\'s urgent #family'),
        el('li', {}, 'what do I have this week?'),
        el('li', {}, 'I finished the report'))));
    return;
  }
  log.replaceChildren(...messages.map(bubble));
  log.scrollTop = log.scrollHeight;
}

function bubble(message) {
  const mine = message.role === 'user';
  const calls = message.tool_calls || [];
  return el('article', { class: `bubble ${mine ? 'mine' : 'theirs'}${message.pending ? ' pending' : ''}` },
    el('h3', { class: 'visually-hidden' }, mine ? 'You said' : 'Taskbot replied'),
    el('p', { class: 'text' }, message.content),
    calls.length > 0 && el('ul', { class: 'tool-calls', 'aria-label': 'Tool calls' }, calls.map(toolCall)),
    el('time', { datetime: message.timestamp, class: 'stamp' }, formatInstant(message.timestamp)));
}

/** One call as a compact line ("create_todo · water the plants"), its full parameters and result on demand. */
function toolCall(call) {
  const result = call.result;
  const failed = result && !Array.isArray(result) && result.error;
  let summary;
  if (failed) {
    summary = result.error;
  } else if (Array.isArray(result)) {
    summary = `${result.length} task${result.length === 1 ? '' : 's'}`;
  } else if (result && result.title) {
    summary = result.title;
  } else if (call.params && call.params.id) {
    summary = `task ${call.params.id}`;
  }
  return el('li', { class: `tool-call${failed ? ' failed' : ''}` },
    el('details', {},
      el('summary', {}, el('code', {}, call.type), summary ? ` · ${summary}` : ''),
      el('pre', {}, JSON.stringify({ params: call.params, result: call.result }, null, 2))));
}

async function send(event) {
  event.preventDefault();
  const input = byId('message');
  const text = input.value.trim();
  if (!text || sending) {
    return;
  }
  sending = true;
  byId('send').disabled = true;
  const conversation = current;
  const list = conversations.get(conversation) || [];
  const mine = { role: 'user', content: text, timestamp: new Date().toISOString(), id: Number.MAX_SAFE_INTEGER };
  const thinking = { role: 'assistant', content: 'Thinking…', pending: true, timestamp: new Date().toISOString() };
  list.push(mine, thinking);
  conversations.set(conversation, list);
  renderMessages();
  input.value = '';
  try {
    const reply = await api.send(text, conversation === NEW ? null : conversation);
    list.pop();
    list.push({
      role: 'assistant', content: reply.response, tool_calls: reply.tool_calls, timestamp: reply.timestamp,
      id: Number.MAX_SAFE_INTEGER,
    });
    if (conversation === NEW) {
      conversations.delete(NEW);
      conversations.set(reply.conversation_id, list);
    }
    current = reply.conversation_id;
    showError('chat-error', null);
    renderPicker();
  } catch (error) {
    list.splice(list.indexOf(mine), 2);
    if (!list.length) {
      conversations.delete(conversation);
    }
    showError('chat-error', error);
    if (!input.value) {
      input.value = text;
    }
  } finally {
    sending = false;
    byId('send').disabled = false;
    renderMessages();
    input.focus();
  }
}

// The console talks to Taskbot like any other client: contract 004 (/v1) for accounts and tasks, contract 003
// (/api/chat) for the chat, contract 000 (/api/v1) for the conversation history. The token only ever travels in the
// Authorization header.

const TOKEN_KEY = 'taskbot.token';

/** An error from the API, with the sentence the API gave for it. */
export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token) {
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

let onUnauthorized = () => {};

/** What to do when the token stops working (expired, revoked): the app signs out. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Each contract words its errors in its own shape; this finds the sentence in any of them. */
function errorMessage(status, body, response) {
  const error = body && (body.error || body);
  let message = (error && typeof error === 'object' && error.message) || (body && body.detail);
  if (status === 429) {
    const wait = response.headers.get('Retry-After');
    message = `Too many requests${wait ? `; try again in ${wait} s` : ''}.`;
  }
  if (!message) {
    message = status >= 500 ? 'The server could not do this just now; try again.' : `Request failed (${status}).`;
  }
  return new ApiError(status, message, error && error.code);
}

export async function request(method, path, body, { auth = true } = {}) {
  const headers = { Accept: 'application/json', 'X-Time-Zone': timeZone() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const token = storedToken();
  if (auth && token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'Taskbot cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = errorMessage(response.status, parsed, response);
    if (response.status === 401 && auth && token) {
      onUnauthorized(error);
    }
    throw error;
  }
  return parsed;
}

/** Contract 004 wraps every answer in {success, data, message}. */
async function v1(method, path, body, options) {
  const envelope = await request(method, path, body, options);
  return envelope ? envelope.data : undefined;
}

export const auth = {
  login: (email, password) => v1('POST', '/v1/auth/login', { email, password }, { auth: false }),
  register: (email, password) => v1('POST', '/v1/auth/register', { email, password }, { auth: false }),
  logout: () => request('POST', '/v1/auth/logout'),
  me: () => v1('GET', '/v1/auth/me'),
};

export const tasks = {
  list(filter, page = 1, limit = 50) {
    const query = new URLSearchParams({ page: String(page), limit: String(limit), sort: 'created_at:desc' });
    for (const [key, value] of Object.entries(filter)) {
      if (value !== '' && value !== undefined && value !== null) {
        query.set(key, value);
      }
    }
    return v1('GET', `/v1/tasks?${query}`);
  },
  create: (task) => v1('POST', '/v1/tasks', task),
  update: (id, changes) => v1('PUT', `/v1/tasks/${id}`, changes),
  complete: (id, completed) => v1('PATCH', `/v1/tasks/${id}/complete`, { completed }),
  remove: (id) => v1('DELETE', `/v1/tasks/${id}`),
  get: (id) => v1('GET', `/v1/tasks/${id}`),
  asOf: (id, instant) => v1('GET', `/v1/tasks/${id}?as_of=${encodeURIComponent(instant)}`),
  history: (id) => v1('GET', `/v1/tasks/${id}/history`),
};

export const chat = {
  send: (message, conversationId) => request('POST', '/api/chat',
    conversationId ? { message, conversation_id: conversationId } : { message }),
  async history() {
    // oldest first over every conversation; read to the end
    const all = [];
    for (let offset = 0; offset < 10000; offset += 1000) {
      const page = await request('GET', `/api/v1/messages/history?limit=1000&offset=${offset}`);
      all.push(...page);
      if (page.length < 1000) {
        break;
      }
    }
    return all;
  },
};

/**
 * Follows the user's task changes: GET /v1/tasks/events read with fetch(), since EventSource cannot send the
 * Authorization header. Calls onEvent(name, data) for every event, onState(connected) when the stream comes and
 * goes, and reconnects with growing pauses until stop() is called.
 */
export function followTaskEvents(onEvent, onState) {
  let stopped = false;
  let controller = null;
  let pause = 1000;

  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/v1/tasks/events', {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${storedToken()}` },
          signal: controller.signal,
        });
        if (response.status === 401) {
          onUnauthorized(new ApiError(401, 'Your session has ended; please log in again.'));
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error(`stream refused: ${response.status}`);
        }
        onState(true);
        pause = 1000;
        await readEvents(response.body, onEvent);
      } catch (failure) {
        if (stopped) {
          return;
        }
      }
      onState(false);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 30000);
    }
  }

  connect();
  return {
    stop() {
      stopped = true;
      if (controller) {
        controller.abort();
      }
    },
  };
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      dispatch(block, onEvent);
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      name = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length) {
    try {
      onEvent(name, JSON.parse(data.join('\n')));
    } catch {
      // not ours to show; the next event will do
    }
  }
}

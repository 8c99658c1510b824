// The console's start: signs in or up, then shows the chat, the task list and a task's details, and keeps the
// list in step with the server through the task event stream.
import { auth, followTaskEvents, storedToken, storeToken, whenUnauthorized } from './api.js';
import { byId, showError, toast } from './dom.js';
import { initTasks, reload, applyChange } from './tasks.js';
import { initChat, loadConversations, resetChat } from './chat.js';
import { initDetails, openTask, setCurrentUser, taskChanged, close as closeDetails } from './details.js';

let stream = null;

function signedIn(user) {
  setCurrentUser(user);
  byId('who').textContent = user.email;
  byId('auth').hidden = true;
  byId('session').hidden = false;
  byId('workspace').hidden = false;
  stream = followTaskEvents((name, data) => {
    if (name === 'ready') {
      reload(); // anything that changed before the stream stood
    } else if (name === 'task') {
      applyChange(data);
      taskChanged(data);
    }
  }, (connected) => {
    byId('live').textContent = connected ? 'Live' : 'Reconnecting…';
    byId('live').classList.toggle('on', connected);
  });
  loadConversations();
  byId('message').focus();
}

function signedOut(reason) {
  if (stream) {
    stream.stop();
    stream = null;
  }
  storeToken(null);
  setCurrentUser(null);
  closeDetails();
  resetChat();
  byId('workspace').hidden = true;
  byId('session').hidden = true;
  byId('auth').hidden = false;
  byId('auth-form').reset();
  showError('auth-error', reason || null);
  byId('auth-email').focus();
}

async function submitAuth(event) {
  event.preventDefault();
  const form = event.target;
  const registering = event.submitter && event.submitter.value === 'register';
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!email || !password) {
    showError('auth-error', new Error('Enter your email and a password.'));
    (email ? form.password : form.email).focus();
    return;
  }
  for (const button of form.querySelectorAll('button')) {
    button.disabled = true;
  }
  try {
    const session = registering ? await auth.register(email, password) : await auth.login(email, password);
    storeToken(session.token);
    showError('auth-error', null);
    signedIn(session.user);
    if (registering) {
      toast('Welcome! Your account is ready.');
    }
  } catch (error) {
    showError('auth-error', error);
  } finally {
    for (const button of form.querySelectorAll('button')) {
      button.disabled = false;
    }
  }
}

async function logOut() {
  try {
    await auth.logout(); // revokes this token on the server
  } catch {
    // the token is dropped here either way
  }
  signedOut();
  toast('You are logged out.');
}

async function start() {
  initTasks({ onOpen: openTask });
  initChat();
  initDetails();
  byId('auth-form').addEventListener('submit', submitAuth);
  byId('logout').addEventListener('click', logOut);
  whenUnauthorized((error) => signedOut(new Error(`${error.message} Please log in again.`)));
  if (storedToken()) {
    try {
      signedIn(await auth.me());
      return;
    } catch {
      storeToken(null);
    }
  }
  signedOut();
}

start();

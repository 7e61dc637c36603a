// Berth's live status page: component health from /status/components, and nodes, pods and events from the
// API with the user's own token, so the page shows exactly what that user may read. Refreshes every 5 s.
'use strict';

const REFRESH_MS = 5000;
const EVENTS_SHOWN = 15;
const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'];
const TOKEN_KEY = 'berth.status.token';

// A link such as /status#token=... hands the page a token without sending it to the server in the URL.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.has('token')) {
  sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
  history.replaceState(null, '', location.pathname);
}

const $ = (selector) => document.querySelector(selector);

// Builds an element; children are text (never parsed as HTML: event messages come from users) or elements.
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
  if (rows.length === 0) {
    const columns = tbody.parentElement.querySelectorAll('th').length;
    tbody.append(el('tr', {}, el('td', { colspan: columns }, 'none')));
  }
}

function ago(timestamp) {
  if (!timestamp) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds} s ago`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

class Unauthorized extends Error {}

async function api(path) {
  const response = await fetch(path, {
    headers: { Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY)}`, Accept: 'application/json' },
  });
  if (response.status === 401 || response.status === 403) {
    const status = await response.json().catch(() => ({}));
    throw new Unauthorized(status.message || response.statusText);
  }
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function renderComponents(components) {
  fill($('#components tbody'), components.map((c) => el('tr', { 'data-component': c.name },
    el('td', {}, c.name), el('td', {}, c.where),
    el('td', { class: c.healthy ? 'ok' : 'bad' }, c.healthy ? 'healthy' : 'unhealthy'),
    el('td', {}, c.detail))));
}

function renderNodes(nodes, pods) {
  const podsOn = {};
  pods.forEach((pod) => { podsOn[pod.spec.nodeName] = (podsOn[pod.spec.nodeName] || 0) + 1; });
  fill($('#nodes tbody'), nodes.map((node) => {
    const ready = (node.status.conditions || []).find((c) => c.type === 'Ready');
    const isReady = ready && ready.status === 'True';
    const address = (node.status.addresses || []).find((a) => a.type === 'InternalIP');
    return el('tr', { 'data-node': node.metadata.name },
      el('td', {}, node.metadata.name),
      el('td', { class: isReady ? 'ok' : 'bad' }, isReady ? 'Ready' : 'NotReady'),
      el('td', {}, address ? address.address : ''),
      el('td', {}, podsOn[node.metadata.name] || 0),
      el('td', {}, ready ? ago(ready.lastHeartbeatTime) : 'never'));
  }));
}

function renderPhases(pods) {
  const counts = Object.fromEntries(PHASES.map((phase) => [phase, 0]));
  pods.forEach((pod) => { counts[pod.status.phase || 'Pending'] += 1; });
  const terminating = pods.filter((pod) => pod.metadata.deletionTimestamp).length;
  $('#phases').replaceChildren(
    ...PHASES.map((phase) => el('li', { id: `phase-${phase}` }, el('span', { class: 'count' }, counts[phase]), phase)),
    el('li', { id: 'phase-Terminating' }, el('span', { class: 'count' }, terminating), 'Terminating'),
    el('li', { id: 'phase-total' }, el('span', { class: 'count' }, pods.length), 'in all'));
}

function renderEvents(events) {
  const seen = (e) => e.lastTimestamp || e.eventTime || e.metadata.creationTimestamp;
  const recent = [...events].sort((a, b) => Date.parse(seen(b)) - Date.parse(seen(a))).slice(0, EVENTS_SHOWN);
  fill($('#events tbody'), recent.map((e) => el('tr', { class: e.type === 'Warning' ? 'warning' : '' },
    el('td', {}, ago(seen(e))), el('td', {}, e.type),
    el('td', {}, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`),
    el('td', {}, e.reason), el('td', {}, e.message))));
}

function askForToken(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('#login').hidden = false;
  $('#forget').hidden = true;
  if (reason) $('#login-reason').textContent = `The token was refused: ${reason}`;
}

let timer;

async function refresh() {
  clearTimeout(timer);
  try {
    renderComponents(await (await fetch('/status/components')).json());
    if (!sessionStorage.getItem(TOKEN_KEY)) {
      askForToken();
    } else {
      const [nodes, pods, events] = await Promise.all(
        ['/api/v1/nodes', '/api/v1/pods', '/api/v1/events'].map((path) => api(path).then((list) => list.items)));
      renderNodes(nodes, pods);
      renderPhases(pods);
      renderEvents(events);
      $('#forget').hidden = false;
    }
    $('#updated').textContent = `updated ${new Date().toLocaleTimeString()}, every ${REFRESH_MS / 1000} s`;
    $('#updated').className = '';
  } catch (error) {
    if (error instanceof Unauthorized) {
      askForToken(error.message);
    } else {
      $('#updated').textContent = `not updated since ${new Date().toLocaleTimeString()}: ${error.message}`;
      $('#updated').className = 'stale';
    }
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

$('#login').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim());
  $('#login').hidden = true;
  $('#token').value = '';
  refresh();
});
$('#forget').addEventListener('click', () => askForToken());
refresh();

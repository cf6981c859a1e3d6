// The staff 工作台: a small console on the SDK (from linli.js) with a bearer token. It moves cases
// through the 民情流水线 and closes the 好差评 loop (整改 → 回访). All text goes in via textContent.
import { availableActions, createClient, httpAdapter, LinliError } from '/assets/linli.js';

const en = () => document.documentElement.lang === 'en';
const L = (zh, english) => (en() ? english : zh);

const statusTabs = ['submitted', 'accepted', 'assigned', 'in_progress', 'awaiting_reporter', 'resolved', 'rectifying', 'revisiting', 'closed'];
const statusNames = {
  submitted: ['待受理', 'Submitted'],
  accepted: ['已受理', 'Accepted'],
  assigned: ['已派单', 'Assigned'],
  in_progress: ['办理中', 'In progress'],
  awaiting_reporter: ['待补充', 'Awaiting reporter'],
  resolved: ['已办结待评价', 'Resolved'],
  rectifying: ['整改中', 'Rectifying'],
  revisiting: ['待回访', 'Revisiting'],
  closed: ['已归档', 'Closed'],
};
const actionNames = {
  accept: ['受理', 'Accept'],
  reject: ['不予受理', 'Reject'],
  assign: ['派单', 'Assign'],
  start: ['开始办理', 'Start'],
  request_info: ['请居民补充', 'Ask for info'],
  reply: ['回复', 'Reply'],
  resolve: ['办结', 'Resolve'],
  reopen: ['重新办理', 'Reopen'],
  dismiss_dispute: ['维持办结', 'Keep closed'],
  cancel: ['撤销', 'Cancel'],
};
const handlers = [
  { id: 'staff-wang', name: '王建华（网格员）' },
  { id: 'staff-liu', name: '刘芳（社区干事）' },
];

let client;
let currentStatus = 'submitted';

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}
const fmt = (iso) => (iso ? new Date(iso).toLocaleString(en() ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '—');
const problem = (err) => (LinliError.is(err) ? `${err.code}: ${err.message}` : String(err));

function refreshSummary() {
  const summary = document.getElementById('staff-summary');
  summary?.dispatchEvent(new CustomEvent('linli-evaluation-submit', { bubbles: true, composed: true, detail: null }));
}

async function act(id, action, row) {
  const note = row.querySelector('input[name=note]')?.value.trim();
  const assigneeId = row.querySelector('select[name=assignee]')?.value;
  const assignee = handlers.find((h) => h.id === assigneeId);
  const status = row.querySelector('.row-status');
  try {
    await client.grievances.transition(id, { action, note: note || undefined, assignee: action === 'assign' ? assignee : undefined });
    await loadCases();
    await loadRectifications();
    refreshSummary();
  } catch (err) {
    status.textContent = problem(err);
  }
}

function caseRow(g) {
  const actions = availableActions(g.status, 'staff').filter((a) => actionNames[a]);
  const row = el('tr', { 'data-id': g.id, 'data-tracking': g.trackingCode });
  const controls = el('div', { class: 'actions' });
  if (actions.length) {
    controls.append(el('input', { name: 'note', 'aria-label': L('办理意见', 'Note'), placeholder: L('办理意见（办结、不予受理时必填）', 'Note (required to resolve or reject)') }));
    if (actions.includes('assign')) {
      controls.append(el('select', { name: 'assignee', 'aria-label': L('处理人', 'Handler') }, ...handlers.map((h) => el('option', { value: h.id }, h.name))));
    }
    for (const a of actions) {
      controls.append(el('button', { type: 'button', class: 'btn secondary', 'data-action': a, onclick: () => act(g.id, a, row) }, L(...actionNames[a])));
    }
  }
  row.append(
    el('td', {}, el('strong', {}, g.trackingCode), el('br'), el('span', { class: 'muted' }, fmt(g.createdAt))),
    el('td', {}, g.description.length > 80 ? `${g.description.slice(0, 80)}…` : g.description, el('br'), el('span', { class: 'muted' }, g.serviceCode)),
    el('td', {}, L(...statusNames[g.status]), el('br'), el('span', { class: 'muted' }, `${L('时限', 'Due')} ${fmt(g.expectedAt)}`)),
    el('td', {}, controls, el('p', { class: 'row-status error-msg', role: 'status' })),
  );
  return row;
}

async function loadCases() {
  const box = document.getElementById('cases');
  try {
    const page = await client.grievances.list({ status: [currentStatus], limit: 20 });
    if (!page.items.length) return box.replaceChildren(el('p', { class: 'muted' }, L('这一栏没有案件。', 'No cases here.')));
    const head = el('thead', {}, el('tr', {}, ...[L('查询码', 'Code'), L('内容', 'Case'), L('状态', 'Status'), L('操作', 'Actions')].map((h) => el('th', { scope: 'col' }, h))));
    box.replaceChildren(el('p', { class: 'muted' }, L(`共 ${page.total ?? page.items.length} 件，显示最新 ${page.items.length} 件`, `${page.total ?? page.items.length} cases, newest ${page.items.length} shown`)), el('table', { class: 'cases' }, head, el('tbody', {}, ...page.items.map(caseRow))));
  } catch (err) {
    box.replaceChildren(el('p', { class: 'error-msg', role: 'alert' }, problem(err)));
  }
}

function rectificationRow(r) {
  const row = el('tr', { 'data-id': r.id, 'data-grievance': r.grievanceId ?? '' });
  const controls = el('div', { class: 'actions' });
  const status = el('p', { class: 'row-status error-msg', role: 'status' });
  const run = async (command) => {
    try {
      await client.rectifications.act(r.id, command);
      await loadRectifications();
      await loadCases();
      refreshSummary();
    } catch (err) {
      status.textContent = problem(err);
    }
  };
  if (r.status === 'open') {
    const note = el('input', { name: 'note', 'aria-label': L('整改措施', 'What was fixed'), placeholder: L('整改措施', 'What was fixed') });
    controls.append(note, el('button', { type: 'button', class: 'btn secondary', 'data-action': 'rectify', onclick: () => run({ action: 'rectify', note: note.value.trim() }) }, L('整改完成', 'Rectified')));
  } else if (r.status === 'rectified') {
    const outcome = el('input', { name: 'outcome', 'aria-label': L('回访结果', 'Call-back outcome'), placeholder: L('回访结果', 'Call-back outcome') });
    const level = el('select', { name: 'newLevel', 'aria-label': L('回访评价', 'Rating after call-back') }, ...[5, 4, 3, 2, 1].map((n) => el('option', { value: String(n) }, String(n))));
    level.value = '4';
    controls.append(outcome, level, el('button', { type: 'button', class: 'btn secondary', 'data-action': 'revisit', onclick: () => run({ action: 'revisit', method: 'phone', outcome: outcome.value.trim(), newLevel: Number(level.value) }) }, L('电话回访', 'Phone call-back')));
  }
  row.append(
    el('td', {}, r.grievanceId ?? r.evaluationId),
    el('td', {}, `${L('评价等级', 'Level')} ${r.level}`, el('br'), el('span', { class: 'muted' }, `${L('整改期限', 'Due')} ${fmt(r.dueAt)}`)),
    el('td', {}, r.status === 'open' ? L('待整改', 'To rectify') : L('待回访', 'To call back')),
    el('td', {}, controls, status),
  );
  return row;
}

async function loadRectifications() {
  const box = document.getElementById('rectifications');
  try {
    const [open, rectified] = await Promise.all([client.rectifications.list({ status: 'open', limit: 20 }), client.rectifications.list({ status: 'rectified', limit: 20 })]);
    const items = [...open.items, ...rectified.items];
    if (!items.length) return box.replaceChildren(el('p', { class: 'muted' }, L('没有待整改或待回访的差评。', 'No bad ratings to rectify or call back.')));
    const head = el('thead', {}, el('tr', {}, ...[L('案件', 'Case'), L('差评', 'Rating'), L('阶段', 'Stage'), L('操作', 'Actions')].map((h) => el('th', { scope: 'col' }, h))));
    box.replaceChildren(el('table', { class: 'cases' }, head, el('tbody', {}, ...items.map(rectificationRow))));
  } catch (err) {
    box.replaceChildren(el('p', { class: 'error-msg', role: 'alert' }, problem(err)));
  }
}

function renderTabs() {
  const tabs = document.getElementById('status-tabs');
  tabs.setAttribute('aria-label', L('按状态筛选', 'Filter by status'));
  tabs.replaceChildren(
    ...statusTabs.map((s) =>
      el('button', { type: 'button', 'data-status': s, 'aria-pressed': String(s === currentStatus), onclick: () => { currentStatus = s; renderTabs(); loadCases(); } }, L(...statusNames[s])),
    ),
  );
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  client = createClient({ adapter: httpAdapter({ baseUrl: new URL('/api/v1', location.href).href, token }) });
  const status = document.getElementById('login-status');
  try {
    await client.grievances.list({ limit: 1 });
    status.textContent = L('已进入工作台。', 'Signed in.');
    renderTabs();
    await Promise.all([loadCases(), loadRectifications()]);
  } catch (err) {
    status.textContent = problem(err);
  }
});

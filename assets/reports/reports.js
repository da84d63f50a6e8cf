// The operator's report page: each plan's targets against what ketnoi's
// records show, year by year, with a chart per target and the
// spreadsheets to download. Everything comes from this server's GraphQL
// API and /reports/ downloads; the token stays in this tab's session.
'use strict';

const WORDS = {
  vi: {
    heading: 'Báo cáo thực hiện kế hoạch',
    title: 'ketnoi — Báo cáo kế hoạch',
    switchTo: 'English',
    signOut: 'Đăng xuất',
    signInNote: 'Đăng nhập bằng tài khoản của đơn vị vận hành (ADMIN).',
    email: 'Thư điện tử',
    password: 'Mật khẩu',
    signIn: 'Đăng nhập',
    loading: 'Đang tải…',
    noPlans: 'Chưa có kế hoạch nào.',
    forbidden: 'Chỉ đơn vị vận hành (ADMIN) xem được báo cáo.',
    failed: 'Không tải được báo cáo: ',
    basis: 'Căn cứ',
    period: 'Kỳ báo cáo',
    whole: 'Cả giai đoạn',
    year: 'Năm',
    target: 'Chỉ tiêu',
    goal: 'Mục tiêu',
    actual: 'Thực hiện',
    progress: 'Tiến độ',
    status: 'Tình trạng',
    byYear: 'Theo năm',
    perYear: 'mỗi năm',
    xlsx: 'Tải Excel',
    csv: 'Tải CSV',
    entered: 'nhập tay',
    statuses: { MET: 'Đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Chậm tiến độ', MISSED: 'Không đạt', NONE: 'Chưa có số liệu' },
  },
  en: {
    heading: 'Plan progress reports',
    title: 'ketnoi — Plan reports',
    switchTo: 'Tiếng Việt',
    signOut: 'Sign out',
    signInNote: "Sign in with the operator's (ADMIN) account.",
    email: 'E-mail',
    password: 'Password',
    signIn: 'Sign in',
    loading: 'Loading…',
    noPlans: 'No plans yet.',
    forbidden: 'Only the operator (ADMIN) sees reports.',
    failed: 'Could not load the reports: ',
    basis: 'Basis',
    period: 'Period',
    whole: 'Whole period',
    year: 'Year',
    target: 'Target',
    goal: 'Goal',
    actual: 'Actual',
    progress: 'Progress',
    status: 'Status',
    byYear: 'By year',
    perYear: 'a year',
    xlsx: 'Download Excel',
    csv: 'Download CSV',
    entered: 'entered',
    statuses: { MET: 'Met', ON_TRACK: 'On track', AT_RISK: 'At risk', MISSED: 'Missed', NONE: 'No figure yet' },
  },
};

let lang = localStorage.getItem('ketnoi-lang') === 'en' ? 'en' : 'vi';
let token = sessionStorage.getItem('ketnoi-token');
let plans = [];
const chosen = new Map(); // plan key -> year ('' for the whole period)

const $ = (id) => document.getElementById(id);
const w = () => WORDS[lang];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const number = (v) =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(v);

async function gql(query, variables = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return response.json();
}

function setStatus(text, error = false) {
  const node = $('status');
  node.textContent = text;
  node.className = error ? 'error' : '';
  node.hidden = !text;
}

function showSignIn() {
  $('sign-in').hidden = false;
  $('sign-out').hidden = true;
  $('plans').replaceChildren();
  setStatus('');
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const answer = await gql(
    'mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { message } } }',
    { input: { email: form.email.value, password: form.password.value } },
  );
  const result = answer.data?.signIn;
  if (!result?.token) {
    $('sign-in-error').textContent =
      result?.userErrors?.[0]?.message ?? answer.errors?.[0]?.message ?? 'sign-in failed';
    return;
  }
  token = result.token;
  sessionStorage.setItem('ketnoi-token', token);
  $('sign-in-error').textContent = '';
  form.reset();
  await load();
}

function signOut() {
  token = null;
  sessionStorage.removeItem('ketnoi-token');
  showSignIn();
}

const TARGET_FIELDS = 'key label labelEn unit indicator target targetMax actual progress status perYear entered';

async function load() {
  $('sign-in').hidden = true;
  setStatus(w().loading);
  const list = await gql('{ plans { key title titleEn basis basisOn startsOn endsOn years province { name } } }');
  const code = list.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') {
    signOut();
    return;
  }
  if (code === 'FORBIDDEN') {
    setStatus(w().forbidden, true);
    $('sign-out').hidden = false;
    return;
  }
  if (list.errors) {
    setStatus(w().failed + list.errors[0].message, true);
    return;
  }
  // Each plan's targets for the whole period and for each year, in one request.
  plans = [];
  for (const plan of list.data.plans) {
    const years = plan.years
      .map((y) => `y${y}: targets(year: ${y}) { ${TARGET_FIELDS} }`)
      .join(' ');
    const answer = await gql(
      `query($key: String!) { plan(key: $key) { whole: targets { ${TARGET_FIELDS} } ${years} } }`,
      { key: plan.key },
    );
    if (answer.errors) {
      setStatus(w().failed + answer.errors[0].message, true);
      return;
    }
    plans.push({ ...plan, figures: answer.data.plan });
  }
  $('sign-out').hidden = false;
  setStatus(plans.length ? '' : w().noPlans);
  render();
}

function chart(plan, index) {
  const width = 220;
  const height = 70;
  const rows = plan.years.map((y) => ({ year: y, t: plan.figures[`y${y}`][index] }));
  const top = Math.max(1, ...rows.map((r) => Math.max(r.t.actual ?? 0, r.t.target ?? 0)));
  const node = svg('svg', { class: 'chart', width, height: height + 14, role: 'img' });
  const step = width / rows.length;
  rows.forEach((r, i) => {
    const h = ((r.t.actual ?? 0) / top) * height;
    const bar = svg('rect', { class: 'bar-year', x: i * step + 3, y: height - h, width: step - 6, height: h });
    const tip = svg('title');
    tip.textContent = `${r.year}: ${number(r.t.actual)} / ${number(r.t.target)}`;
    bar.append(tip);
    node.append(bar);
    if (r.t.target !== null) {
      const y = height - (r.t.target / top) * height;
      node.append(svg('line', { class: 'target-line', x1: i * step + 1, x2: (i + 1) * step - 1, y1: y, y2: y }));
    }
    const label = svg('text', { x: i * step + step / 2, y: height + 11, 'text-anchor': 'middle' });
    label.textContent = String(r.year);
    node.append(label);
  });
  return node;
}

async function download(plan, extension) {
  const year = chosen.get(plan.key) ?? '';
  const url = `/reports/${encodeURIComponent(plan.key)}.${extension}${year ? `?year=${year}` : ''}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    setStatus(w().failed + response.status, true);
    return;
  }
  const blob = await response.blob();
  const link = el('a', { href: URL.createObjectURL(blob), download: `${plan.key}${year ? `-${year}` : ''}.${extension}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function renderPlan(plan) {
  const year = chosen.get(plan.key) ?? '';
  const targets = year ? plan.figures[`y${year}`] : plan.figures.whole;
  const title = lang === 'en' && plan.titleEn ? plan.titleEn : plan.title;
  const select = el('select', { 'aria-label': w().period, 'data-plan': plan.key });
  select.append(el('option', { value: '', text: `${w().whole} ${plan.years[0]}–${plan.years.at(-1)}` }));
  for (const y of plan.years) select.append(el('option', { value: String(y), text: `${w().year} ${y}` }));
  select.value = String(year);
  select.addEventListener('change', () => {
    chosen.set(plan.key, select.value);
    render();
  });
  const xlsx = el('button', { type: 'button', text: w().xlsx });
  xlsx.addEventListener('click', () => download(plan, 'xlsx'));
  const csv = el('button', { type: 'button', text: w().csv });
  csv.addEventListener('click', () => download(plan, 'csv'));

  const table = el('table');
  const head = el('tr');
  for (const h of [w().target, w().goal, w().actual, w().progress, w().status, w().byYear]) head.append(el('th', { text: h }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  targets.forEach((t, i) => {
    const label = lang === 'en' && t.labelEn ? t.labelEn : t.label;
    const goal =
      t.targetMax !== null && t.target !== null
        ? `${number(t.target)}–${number(t.targetMax)}`
        : number(t.target ?? t.targetMax);
    const unit = t.unit ? ` ${t.unit}` : '';
    const bar = el('div', { class: 'bar' }, el('div'));
    bar.firstChild.style.width = `${Math.min(1, t.progress ?? 0) * 100}%`;
    const status = t.status ?? 'NONE';
    const row = el(
      'tr',
      { 'data-target': t.key },
      el('td', {}, el('div', { text: label }), t.entered ? el('small', { text: `(${w().entered})` }) : null),
      el('td', { class: 'num', text: goal + unit + (t.perYear && year ? '' : t.perYear ? ` (${w().perYear})` : '') }),
      el('td', { class: 'num actual', text: number(t.actual) }),
      el('td', {}, bar, el('small', { text: t.progress === null ? '' : `${number(t.progress * 100)}%` })),
      el('td', {}, el('span', { class: `badge ${status}`, text: w().statuses[status] })),
      el('td', {}, chart(plan, i)),
    );
    body.append(row);
  });
  table.append(body);

  const place = plan.province ? ` · ${plan.province.name}` : '';
  const basis = plan.basis ? `${w().basis}: ${plan.basis}${plan.basisOn ? ` (${plan.basisOn})` : ''} · ` : '';
  return el(
    'section',
    { class: 'plan', 'data-plan': plan.key },
    el('h2', { text: title }),
    el('p', { class: 'meta', text: `${basis}${plan.startsOn} – ${plan.endsOn}${place}` }),
    el('div', { class: 'controls' }, select, xlsx, csv),
    table,
  );
}

function render() {
  document.documentElement.lang = lang;
  document.title = w().title;
  $('heading').textContent = w().heading;
  $('lang').textContent = w().switchTo;
  $('sign-out').textContent = w().signOut;
  $('sign-in-note').textContent = w().signInNote;
  $('email-label').textContent = w().email;
  $('password-label').textContent = w().password;
  $('sign-in-button').textContent = w().signIn;
  $('plans').replaceChildren(...plans.map(renderPlan));
}

document.addEventListener('DOMContentLoaded', () => {
  $('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    localStorage.setItem('ketnoi-lang', lang);
    render();
  });
  $('sign-out').addEventListener('click', signOut);
  $('sign-in').addEventListener('submit', signIn);
  render();
  if (token) load();
  else showSignIn();
});

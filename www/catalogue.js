// Demo: the guidance catalogue picker and a purchase project screened live, with the
// procurement-precheck package only. User data is only ever set as text, never as HTML.
import { Catalogue, screenPurchase, version } from './pkg/index.js';

const $ = (sel) => document.querySelector(sel);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

const LIMIT = 12;
const catalogues = new Map();
const catalogueOf = (name) => {
  if (!catalogues.has(name)) catalogues.set(name, Catalogue.builtin(name));
  return catalogues.get(name);
};

let cat = catalogueOf($('#catalogueName').value);
let hits = [];
let active = -1;

const q = $('#q');
const list = $('#hits');
const detail = $('#detail');
const locale = () => $('#locale').value;

const HOW = {
  'code exact': '代码', 'code prefix': '代码前缀', 'name exact': '名称', 'name prefix': '名称开头',
  'name substring': '名称包含', 'alias prefix': '别名', 'alias substring': '别名包含',
  'keyword substring': '关键词', 'pinyin full': '全拼', 'pinyin mixed': '拼音', 'pinyin initials': '简拼',
};

function showCatalogueInfo() {
  $('#catalogueInfo').textContent = `版本 ${cat.version} · ${cat.issuer} · ${cat.size} 项`;
}

function search() {
  const query = q.value;
  hits = query.trim() ? cat.search(query, { limit: LIMIT }) : [];
  active = hits.length ? 0 : -1;
  list.replaceChildren(
    ...hits.map((h, i) => {
      const li = el('li', 'hit');
      li.id = `hit-${i}`;
      li.setAttribute('role', 'option');
      li.dataset.code = h.item.code;
      li.append(el('span', 'hit-code', h.item.code), el('span', 'hit-name', h.item.name),
        el('span', 'hit-how', HOW[`${h.matched} ${h.how}`] ?? h.how),
        el('span', 'hit-path', h.path.slice(0, -1).map((p) => p.name).join(' › ')));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i); });
      return li;
    }),
  );
  q.setAttribute('aria-expanded', String(hits.length > 0));
  $('#hitsNote').textContent = !query.trim() ? '' : hits.length
    ? `找到 ${hits.length}${hits.length === LIMIT ? '+' : ''} 项，↑↓ 选择，回车确认`
    : '没有找到匹配的服务事项';
  highlight();
}

function highlight() {
  [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  if (active >= 0) q.setAttribute('aria-activedescendant', `hit-${active}`);
  else q.removeAttribute('aria-activedescendant');
}

function choose(i) {
  const hit = hits[i];
  if (!hit) return;
  showItem(hit.item.code);
  list.replaceChildren();
  q.setAttribute('aria-expanded', 'false');
  $('#hitsNote').textContent = '';
}

function showItem(code) {
  const item = cat.get(code);
  if (!item) { detail.replaceChildren(el('span', 'hint', '尚未选择')); return; }
  const path = el('div', 'detail-path');
  for (const [i, p] of cat.path(code).entries()) {
    if (i) path.append(el('span', 'bc-sep', '›'));
    path.append(el('span', 'detail-step', `${p.code} ${p.name}`));
  }
  const dl = el('dl', 'detail-list');
  const row = (k, v) => { if (v) dl.append(el('dt', '', k), el('dd', '', v)); };
  row('别名', (item.aliases ?? []).join('、'));
  row('关键词', (item.keywords ?? []).join('、'));
  row('对应品目', (item.pinmu ?? []).join('、'));
  row('有效期', item.validFrom || item.validTo ? `${item.validFrom ?? '—'} 至 ${item.validTo ?? '—'}` : '');
  row('来源', (item.origin ?? []).map((o) => `${o.issuer} ${o.version}（${ORIGIN[o.change] ?? o.change}${o.from ? `，原名“${o.from}”` : ''}）`).join('；'));
  const reqs = el('div', 'detail-reqs');
  const requirements = item.requirements ?? [];
  reqs.append(el('strong', '', requirements.length ? '承接主体资质要求：' : '本事项没有特别的资质要求'));
  if (requirements.length) {
    const ul = el('ul');
    for (const r of requirements) {
      ul.append(el('li', 'req-item', [r.kind, r.minGrade ? `${r.minGrade}及以上` : '', r.issuer ? `（${r.issuer}核发）` : '']
        .filter(Boolean).join(' ')));
    }
    reqs.append(ul);
  }
  const use = el('button', 'btn btn-small', '选为采购项目');
  use.type = 'button';
  use.id = 'useItem';
  use.addEventListener('click', () => { $('#itemCode').value = code; screen(); });
  detail.replaceChildren(el('div', 'detail-title', `${item.code} ${item.name}`), path, dl, reqs, use);
  detail.dataset.code = code;
}

const ORIGIN = { base: '原目录', added: '新增', renamed: '更名', requirements_added: '增加资质要求' };

q.addEventListener('input', search);
q.addEventListener('keydown', (ev) => {
  if (!hits.length) return;
  if (ev.key === 'ArrowDown') { active = (active + 1) % hits.length; highlight(); ev.preventDefault(); }
  else if (ev.key === 'ArrowUp') { active = (active - 1 + hits.length) % hits.length; highlight(); ev.preventDefault(); }
  else if (ev.key === 'Enter') { choose(active); ev.preventDefault(); }
  else if (ev.key === 'Escape') { list.replaceChildren(); hits = []; q.setAttribute('aria-expanded', 'false'); }
});
$('#catalogueName').addEventListener('change', (ev) => {
  cat = catalogueOf(ev.target.value);
  showCatalogueInfo();
  search();
  if (detail.dataset.code) showItem(detail.dataset.code);
  screen();
});

// ---- purchase screening ----

const form = $('#projectForm');
const FIELD_OF = { itemCode: 'itemCode', title: 'title', description: 'description', budget: 'budget',
  contractTerm: 'contractTerm', stable: 'contractTerm', pinmu: 'itemCode' };
const INPUT_OF = { itemCode: 'itemCode', title: 'title', description: 'description', budget: 'budget', contractTerm: 'months' };

function project() {
  const p = { itemCode: $('#itemCode').value };
  if ($('#title').value) p.title = $('#title').value;
  if ($('#description').value) p.description = $('#description').value;
  if ($('#budget').value) p.budget = { amount: $('#budget').value, unit: $('#budgetUnit').value, secured: $('#secured').checked };
  if ($('#months').value) p.contractTerm = { months: Number($('#months').value) };
  if ($('#stable').checked) p.stable = true;
  return p;
}

function findingElement(f) {
  const d = el('div', `finding ${f.severity}`, f.message);
  d.dataset.code = f.code;
  if (f.basis) d.append(el('span', 'basis', f.basis));
  return d;
}

function screen() {
  for (const box of form.querySelectorAll('.msgs')) box.replaceChildren();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const report = $('#screenReport');
  if (!$('#itemCode').value.trim()) { report.hidden = true; $('#itemCode-info').textContent = ''; return; }
  let r;
  try {
    r = screenPurchase(project(), { catalogue: cat, asOf: $('#asOf').value || undefined, locale: locale() });
  } catch (e) {
    report.hidden = false;
    report.className = 'summary has-errors';
    report.replaceChildren(el('strong', '', e.message));
    return;
  }
  $('#itemCode-info').textContent = r.item ? `✓ ${r.item.path.map((p) => p.name).join(' › ')}` : '';
  for (const f of r.findings) {
    const field = FIELD_OF[f.path.split(/[.[]/)[0]] ?? 'itemCode';
    $(`#${field}-msg`)?.append(findingElement(f));
    if (f.severity === 'error') $(`#${INPUT_OF[field]}`)?.setAttribute('aria-invalid', 'true');
  }
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  report.hidden = false;
  report.className = `summary ${errors ? 'has-errors' : warnings ? 'has-warnings' : 'passed'}`;
  report.replaceChildren(el('strong', '', errors
    ? `预审未通过：${errors} 项问题${warnings ? `，${warnings} 项提示` : ''}`
    : warnings ? `预审通过，但有 ${warnings} 项需要留意` : '预审通过：可以按政府购买服务方式实施'),
  el('span', 'note', `依据目录 ${r.catalogue} · 预审日期 ${r.asOf}${r.termMonths ? ` · 合同期限 ${r.termMonths} 个月` : ''}`));
  report.dataset.ok = String(r.ok);
}

let timer;
form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(screen, 150); });
form.addEventListener('change', screen);
form.addEventListener('submit', (ev) => { ev.preventDefault(); screen(); });
$('#locale').addEventListener('change', screen);

$('#pp-version').textContent = `procurement-precheck v${version()}`;
showCatalogueInfo();
$('#loading').hidden = true;
document.body.dataset.ready = '1';

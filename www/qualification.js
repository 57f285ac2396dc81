// procurement-precheck demo: the supplier qualification form (政府采购法第二十二条) and its live
// report. demo.js owns the identifier fields and the language; this module owns the other
// sections, builds a SupplierApplication from the whole form, runs checkSupplier on every change
// and shows the report beside the form. User data is only ever set as text, never as HTML.
export { QUAL_TEXT } from './qualification-text.js';

const CATALOGUE = 'county-example-2023';
const DEBOUNCE_MS = 200;
/** Findings about what is simply not filled in yet: no red in the form before the user has
 *  touched that part or pressed submit (the report lists them all the same). */
const QUIET_CODES = new Set(['field.required', 'qualification.evidence_missing']);
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const CONTROLS = 'input, select, textarea, button';
const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';
const CREDIT_LISTS = ['judgmentDefaulter', 'majorTaxViolator', 'procurementBlacklist', 'abnormalOperation', 'seriousIllegalDishonest'];
const COMMITMENTS = ['reputationAndAccounting', 'taxAndSocialSecurity', 'noMajorViolation', 'equipmentAndCapability'];

const $ = (sel) => document.querySelector(sel);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

// ---- dates (all as YYYY-MM-DD strings, computed in UTC so no time zone shifts a day) ----

const pad = (n) => String(n).padStart(2, '0');

/** Today in the browser's time zone. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseIso(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 ? { y, mo, d } : null;
}

/**
 * The months the package counts for tax and social security on this deadline: those that
 * overlap the year before it (RULES.md §2; 29 February minus a year is 28 February).
 */
function monthWindow(asOf) {
  const d = parseIso(asOf);
  if (!d) return [];
  const startDay = d.mo === 2 && d.d === 29 ? 28 : d.d;
  const start = new Date(Date.UTC(d.y - 1, d.mo - 1, startDay + 1));
  const months = [];
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth() + 1;
  while (y < d.y || (y === d.y && mo <= d.mo)) {
    months.push(`${y}-${pad(mo)}`);
    mo += 1;
    if (mo > 12) { mo = 1; y += 1; }
  }
  return months;
}

// ---------------------------------------------------------------------------------------------
// A list of records the applicant adds and removes (table rows, member cards): what both kinds
// share. A subclass gives records(), add(), renumber(), addButton and onChange.
// ---------------------------------------------------------------------------------------------
class RecordList {
  listenAdd() {
    this.addButton.addEventListener('click', () => {
      const rec = this.add();
      rec.querySelector(FOCUSABLE)?.focus();
      this.onChange();
    });
  }

  remove(rec) {
    const records = this.records();
    const next = records[records.indexOf(rec) + 1];
    rec.remove();
    this.renumber();
    (next?.querySelector(FOCUSABLE) ?? this.addButton).focus();
    this.onChange();
  }

  clear() {
    for (const rec of this.records()) rec.remove();
    this.renumber();
  }
}

// ---------------------------------------------------------------------------------------------
// A table of records (penalties, licences, equipment): add and remove rows, keep every input's
// data-path (`penalties[0].fineAmount`) and accessible name in step with its position.
// ---------------------------------------------------------------------------------------------
class RecordTable extends RecordList {
  constructor({ list, table, template, add, t, translate, onRow, onChange }) {
    super();
    Object.assign(this, { list, t, translate, onRow, onChange });
    this.table = $(table);
    this.template = $(template);
    this.addButton = $(add);
    this.empty = this.table.parentElement.querySelector('.table-empty');
    this.listenAdd();
    this.renumber();
  }

  records() {
    return [...this.table.querySelectorAll(':scope > tbody.rec')];
  }

  add() {
    const rec = this.template.content.querySelector('.rec').cloneNode(true);
    this.translate(rec);
    rec.querySelector('.btn-remove').addEventListener('click', () => this.remove(rec));
    this.table.append(rec);
    this.onRow?.(rec);
    this.renumber();
    return rec;
  }

  renumber() {
    const records = this.records();
    records.forEach((rec, i) => {
      rec.dataset.path = `${this.list}[${i}]`;
      rec.querySelector('.rec-no').textContent = String(i + 1);
      for (const input of rec.querySelectorAll('[data-field]')) {
        input.dataset.path = `${this.list}[${i}].${input.dataset.field}`;
      }
    });
    this.table.hidden = records.length === 0;
    this.empty.hidden = records.length > 0;
    this.relabel();
  }

  /** Accessible names: the column's header and the record's number ("罚款金额（第2条）"). */
  relabel() {
    this.records().forEach((rec, i) => {
      for (const input of rec.querySelectorAll('[data-col]')) {
        input.setAttribute('aria-label', this.t('cellOf')(this.t(input.dataset.col), i + 1));
      }
      rec.querySelector('.btn-remove').setAttribute('aria-label', this.t('removeRow')(i + 1));
    });
  }

  /** Each record as an object of its enabled, non-empty fields. */
  values(always = []) {
    return this.records().map((rec) => {
      const v = {};
      for (const input of rec.querySelectorAll('[data-field]')) {
        if (input.disabled) continue;
        const value = input.value.trim();
        if (value !== '' || always.includes(input.dataset.field)) v[input.dataset.field] = value;
      }
      return v;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The consortium's other members (联合体, GPL Art. 24): one card each (name, entity type, USCC,
// share of the contract, registration, the work it undertakes, its commitment letter) with its
// own licences. The lead member is the main form: member 1 (`members[0]`); the cards are
// `members[1]`, `members[2]`, … and every input keeps that data-path.
// ---------------------------------------------------------------------------------------------
class MemberList extends RecordList {
  constructor({ t, translate, onChange }) {
    super();
    Object.assign(this, { t, translate, onChange });
    this.box = $('#memberList');
    this.template = $('#memberTpl');
    this.licenceTemplate = $('#memberLicenceTpl');
    this.addButton = $('#addMember');
    this.empty = $('#membersEmpty');
    this.listenAdd();
    this.renumber();
  }

  records() {
    return [...this.box.querySelectorAll(':scope > .member')];
  }

  add() {
    const rec = this.template.content.querySelector('.member').cloneNode(true);
    // The selects offer what the main form's do (entity types, registration status words).
    for (const select of rec.querySelectorAll('select[data-options]')) {
      select.append(...[...$(select.dataset.options).options].map((o) => {
        const copy = o.cloneNode(true);
        copy.selected = o.defaultSelected;
        return copy;
      }));
    }
    this.translate(rec);
    rec.querySelector('.btn-remove').addEventListener('click', () => this.remove(rec));
    rec.querySelector('.btn-add-licence').addEventListener('click', () => {
      const row = this.addLicence(rec);
      row.querySelector(FOCUSABLE)?.focus();
      this.onChange();
    });
    this.box.append(rec);
    this.renumber();
    return rec;
  }

  addLicence(rec) {
    const row = this.licenceTemplate.content.querySelector('.lic').cloneNode(true);
    this.translate(row);
    row.querySelector('.btn-remove-licence').addEventListener('click', () => {
      const next = row.nextElementSibling;
      row.remove();
      this.renumber();
      (next?.querySelector(FOCUSABLE) ?? rec.querySelector('.btn-add-licence')).focus();
      this.onChange();
    });
    rec.querySelector('.member-licences').append(row);
    this.renumber();
    return row;
  }

  renumber() {
    this.records().forEach((rec, i) => {
      const path = `members[${i + 1}]`;
      rec.dataset.path = path;
      for (const input of rec.querySelectorAll('[data-field]')) input.dataset.path = `${path}.${input.dataset.field}`;
      const table = rec.querySelector('.member-licences');
      const rows = [...table.querySelectorAll(':scope > tbody.lic')];
      table.hidden = rows.length === 0;
      table.dataset.path = `${path}.licences`;
      rows.forEach((row, j) => {
        row.dataset.path = `${path}.licences[${j}]`;
        row.querySelector('.lic-no').textContent = String(j + 1);
        for (const input of row.querySelectorAll('[data-lfield]')) {
          input.dataset.path = `${path}.licences[${j}].${input.dataset.lfield}`;
        }
      });
    });
    this.empty.hidden = this.records().length > 0;
    this.relabel();
  }

  /** Accessible names: "成员2的统一社会信用代码", "成员2第1项资质的资质等级". */
  relabel() {
    this.records().forEach((rec, i) => {
      const n = i + 2;
      rec.querySelector('.member-no').textContent = this.t('memberNo')(n);
      for (const input of rec.querySelectorAll('[data-field][data-col]')) {
        input.setAttribute('aria-label', this.t('memberCell')(this.t(input.dataset.col), n));
      }
      rec.querySelector('.btn-remove').setAttribute('aria-label', this.t('removeMember')(n));
      rec.querySelectorAll(':scope .member-licences > tbody.lic').forEach((row, j) => {
        for (const input of row.querySelectorAll('[data-lfield][data-col]')) {
          input.setAttribute('aria-label', this.t('memberLicenceCell')(this.t(input.dataset.col), n, j + 1));
        }
        row.querySelector('.btn-remove-licence').setAttribute('aria-label', this.t('removeMemberLicence')(n, j + 1));
      });
    });
  }

  /** Each member as a SupplierApplication (and its share and work, RULES.md §2.2–§2.3). */
  values() {
    return this.records().map((rec) => {
      const m = {};
      for (const input of rec.querySelectorAll('[data-field]')) {
        const value = input.value.trim();
        if (value === '') continue;
        const [head, tail] = input.dataset.field.split('.');
        if (tail) (m[head] ??= {})[tail] = value;
        else m[head] = value;
      }
      if (m.contractShare !== undefined) m.contractShare = share(m.contractShare);
      if (m.undertakes !== undefined) m.undertakes = kindsOf(m.undertakes);
      const licences = [...rec.querySelectorAll('.member-licences > tbody.lic')].map((row) => {
        const l = {};
        for (const input of row.querySelectorAll('[data-lfield]')) {
          const value = input.value.trim();
          if (value !== '' || input.dataset.lfield === 'kind') l[input.dataset.lfield] = value;
        }
        return l;
      });
      if (licences.length) m.licences = licences;
      if (rec.querySelector('[data-member-commit]').checked) {
        m.commitments = Object.fromEntries(COMMITMENTS.map((k) => [k, true]));
      }
      return m;
    });
  }
}

/** A share of the contract as typed: a number when it reads as one (60, 37.5), else the text
 *  as it is, for the package to report. */
function share(text) {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** "物业服务企业资质、保安服务许可证" → the kinds, split on 、，, ; and blanks around them. */
function kindsOf(text) {
  return text.split(/[、，,;；]/).map((k) => k.trim()).filter(Boolean);
}

/**
 * Sets up the qualification sections and the report.
 *   pp         the package
 *   t          the page's text lookup (demo.js's, with QUAL_TEXT merged in)
 *   locale     () => the current locale
 *   translate  (root) => re-applies data-i18n texts under root
 *   ownInvalid (input) => whether the input's own field check shows an error
 *   onLayoutChange () => called when fields were shown, hidden or relabelled
 */
export function initQualification({ pp, available = true, t, locale, translate, ownInvalid, onLayoutChange }) {
  const form = $('#regForm');
  const asOf = $('#asOf');
  const entityType = $('#entityType');
  const itemCode = $('#itemCode');
  /** The two payment duties (RULES.md §2, rev. 2): each its own months and exemption. */
  const monthBoxes = ['#taxPaidMonths', '#socialSecurityPaidMonths'].map((sel) => $(sel));
  const verdictBox = $('#verdict');

  const text = (sel) => $(sel).value.trim();
  const checked = (sel) => $(sel).checked;

  let catalogue = null;
  try {
    // No catalogue (so no items with requirements) when the package could not load.
    if (available) catalogue = pp.Catalogue.builtin(CATALOGUE);
  } catch (e) {
    console.error(e);
  }

  // ---- the project: deadline (default today) and the catalogue items with requirements ----
  asOf.defaultValue = today();
  asOf.value = asOf.value || asOf.defaultValue;

  const itemsWithRequirements = [];
  if (catalogue) {
    const walk = (code) => {
      for (const item of catalogue.children(code)) {
        if (item.requirements?.length) itemsWithRequirements.push(item);
        walk(item.code);
      }
    };
    walk();
  }
  for (const item of itemsWithRequirements) {
    itemCode.append(new Option(`${item.code} ${item.name}`, item.code));
  }
  const kinds = [...new Set(itemsWithRequirements.flatMap((i) => i.requirements.map((r) => r.kind)))];
  $('#licenceKinds').replaceChildren(...kinds.map((k) => new Option(k, k)));

  function showRequirements() {
    const box = $('#itemCode-reqs');
    const item = itemsWithRequirements.find((i) => i.code === itemCode.value);
    if (!item) { box.replaceChildren(); return; }
    const ul = el('ul');
    for (const r of item.requirements) {
      ul.append(el('li', 'req-item', `${r.kind}${r.minGrade ? ` ${t('reqGrade')(r.minGrade)}` : ''}${r.issuer ? t('reqIssuer')(r.issuer) : ''}`));
    }
    box.replaceChildren(el('strong', '', t('reqTitle')), ul);
  }

  // ---- entity type: which rows apply, and how the ID number is labelled ----
  function applyEntityType() {
    const type = entityType.value;
    const natural = type === 'natural_person';
    for (const node of document.querySelectorAll('[data-only]')) node.hidden = node.dataset.only !== type;
    for (const node of document.querySelectorAll('[data-org-only]')) node.hidden = natural;
    const legend = $('#legalRepLegend');
    legend.dataset.i18n = natural ? 'legend.identity' : 'legend.legalRep';
    const label = $('label[for="idNumber"] .label-text');
    label.dataset.i18n = natural ? 'f.idNumberPerson' : 'f.idNumber';
    translate(legend);
    translate(label.parentElement);
    applyBranch(false);
    onLayoutChange?.();
  }

  // ---- a branch (分公司): its head office's name, USCC and authorisation ----
  function applyBranch(layout = true) {
    $('#headOfficeSection').hidden = entityType.value === 'natural_person' || !checked('#branch');
    if (layout) onLayoutChange?.();
  }

  // ---- financial letters: the date and issuer only once the letter is ticked ----
  function applyLetters() {
    for (const key of ['bankCreditLetter', 'guaranteeLetter']) {
      const on = checked(`#${key}`);
      for (const node of form.querySelectorAll(`[data-letter="${key}"]`)) node.hidden = !on;
    }
  }

  // ---- tax and social-security months: for each duty a checkbox per month of the deadline's
  // window (plus checked ones outside) ----
  let monthsFor = null;
  const checkedMonths = (box) => [...box.querySelectorAll('input:checked')].map((i) => i.value);

  function renderMonths() {
    monthsFor = asOf.value;
    const inWindow = monthWindow(asOf.value);
    for (const box of monthBoxes) {
      const checked = new Set(checkedMonths(box));
      const months = [...new Set([...inWindow, ...checked])].sort();
      box.replaceChildren(...months.map((m) => {
        const label = el('label', 'check month');
        const input = el('input');
        input.type = 'checkbox';
        input.value = m;
        input.checked = checked.has(m);
        label.append(input, el('span', '', m));
        if (!inWindow.includes(m)) {
          label.classList.add('outside');
          label.title = t('outsideWindow');
        }
        return label;
      }));
      $(`#${box.id}-hint`).textContent = inWindow.length
        ? t(`h.${box.id}`)(inWindow[0], inWindow.at(-1))
        : t('h.paidMonthsNoDate');
    }
  }

  for (const button of form.querySelectorAll('button[data-months]')) {
    const box = $(button.dataset.months);
    const on = button.dataset.on === '1';
    button.addEventListener('click', () => {
      for (const input of box.querySelectorAll('input')) input.checked = on && !input.closest('.outside');
      touched.add(box);
      run();
    });
  }

  // ---- penalties, licences, equipment ----
  function penaltyKind(rec) {
    const kind = rec.querySelector('[data-field="kind"]').value;
    for (const f of ['fineAmount', 'fineUnit']) rec.querySelector(`[data-field="${f}"]`).disabled = kind !== 'fine';
    rec.querySelector('[data-field="banUntil"]').disabled = kind !== 'procurement_ban';
  }
  const common = { t, translate, onChange: () => run() };
  const penalties = new RecordTable({
    ...common, list: 'penalties', table: '#penaltyTable', template: '#penaltyTpl', add: '#addPenalty',
    onRow: (rec) => {
      penaltyKind(rec);
      rec.querySelector('[data-field="kind"]').addEventListener('change', () => penaltyKind(rec));
    },
  });
  const licences = new RecordTable({ ...common, list: 'licences', table: '#licenceTable', template: '#licenceTpl', add: '#addLicence' });
  const members = new MemberList(common);
  const isConsortium = () => form.querySelector('input[name="participation"]:checked')?.value === 'consortium';
  function applyParticipation() {
    $('#consortiumBlock').hidden = !isConsortium();
  }
  const equipment = new RecordTable({ ...common, list: 'equipment', table: '#equipmentTable', template: '#equipmentTpl', add: '#addEquipment' });

  const penaltiesDeclared = () => form.querySelector('input[name="penaltiesDeclared"]:checked')?.value ?? '';
  function applyPenaltiesDeclared() {
    $('#penaltiesBlock').hidden = penaltiesDeclared() !== 'some';
  }

  function applyTermLong() {
    $('#termEnd').disabled = $('#termLong').checked;
  }

  // ---- the application, as the package reads it (SupplierApplication) ----

  /** The application: the main form's supplier, or for a consortium { name, agreement, members }
   *  with the main form as the lead member (members[0]) and the cards as the others. */
  function application() {
    if (!isConsortium()) return supplier();
    const lead = supplier();
    if (text('#leadShare')) lead.contractShare = share(text('#leadShare'));
    if (text('#leadUndertakes')) lead.undertakes = kindsOf(text('#leadUndertakes'));
    const app = { name: text('#consortiumName'), members: [lead, ...members.values()] };
    if ($('#agreementSignedOn').value) app.agreement = { signedOn: $('#agreementSignedOn').value };
    return app;
  }

  function supplier() {
    const type = entityType.value;
    const natural = type === 'natural_person';
    const app = { entityType: type, name: text('#supplierName') };
    if (type === 'public_institution' && $('#institutionClass').value) app.institutionClass = $('#institutionClass').value;
    if (type === 'social_organization') {
      if (checked('#massOrganization')) app.massOrganization = true;
      // Not chosen: not stated (a mass organisation must state it, rev. 2).
      const funded = $('#fiscallyFunded').value;
      if (funded) app.fiscallyFundedMassOrganization = funded === 'yes';
    }
    if (natural) {
      app.idNumber = text('#idNumber');
      if (checked('#selfSupporting')) app.selfSupporting = true;
    } else {
      app.uscc = text('#uscc');
      if (checked('#branch')) {
        app.branch = true;
        app.headOffice = {
          name: text('#headOfficeName'),
          uscc: text('#headOfficeUscc'),
          authorisation: checked('#headOfficeAuthorisation'),
        };
      }
      const reg = { status: $('#regStatus').value, establishedOn: text('#established') };
      if (checked('#termLong')) reg.termEnd = null;
      else if ($('#termEnd').value) reg.termEnd = $('#termEnd').value;
      if (reg.status || reg.establishedOn || 'termEnd' in reg) app.registration = reg;

      const fin = {};
      for (const [key, sel] of [['auditedReportYear', '#auditYear'], ['totalAssets', '#totalAssets'],
        ['totalLiabilities', '#totalLiabilities'], ['ownersEquity', '#ownersEquity']]) {
        if (text(sel)) fin[key] = text(sel);
      }
      // A letter: true, or { issuedOn, issuer } once either is filled in.
      for (const [key, issuedOn, issuer] of [['bankCreditLetter', '#bankLetterIssuedOn', '#bankLetterIssuer'],
        ['guaranteeLetter', '#guaranteeIssuedOn', '#guaranteeIssuer']]) {
        if (!checked(`#${key}`)) continue;
        const letter = {};
        if ($(issuedOn).value) letter.issuedOn = $(issuedOn).value;
        if (text(issuer)) letter.issuer = text(issuer);
        fin[key] = Object.keys(letter).length ? letter : true;
      }
      if (checked('#unauditedReport')) fin.unauditedReport = true;
      if (Object.keys(fin).length) app.financials = fin;
    }

    // Month checkboxes get the path of their place in the list sent, for the findings.
    const tax = {};
    for (const box of monthBoxes) {
      const months = [...box.querySelectorAll('input')];
      for (const input of months) delete input.dataset.path;
      const paid = months.filter((i) => i.checked);
      paid.forEach((input, i) => { input.dataset.path = `taxSocialSecurity.${box.id}[${i}]`; });
      if (paid.length) tax[box.id] = paid.map((i) => i.value);
    }
    for (const key of ['taxExemption', 'socialSecurityExemption']) {
      if (text(`#${key}Reason`)) tax[key] = { reason: text(`#${key}Reason`) };
    }
    if (checked('#abnormalTaxpayer')) tax.abnormalTaxpayer = true;
    if (Object.keys(tax).length) app.taxSocialSecurity = tax;

    const lists = Object.fromEntries(CREDIT_LISTS.map((k) => [k, checked(`#${k}`)]));
    if ($('#queriedOn').value || Object.values(lists).some(Boolean)) {
      app.credit = { queriedOn: $('#queriedOn').value, ...lists };
    }

    const declared = penaltiesDeclared();
    if (declared === 'none') app.penalties = [];
    else if (declared === 'some' && penalties.records().length) app.penalties = penalties.values(['kind']);

    if (licences.records().length) app.licences = licences.values(['kind']);
    if (equipment.records().length) app.equipment = equipment.values(['name']);

    const commitments = {};
    for (const key of COMMITMENTS) {
      if (form.querySelector(`[data-path="commitments.${key}"]`).checked) commitments[key] = true;
    }
    if (Object.keys(commitments).length) app.commitments = commitments;

    // 中小企业声明函 (group sme_declaration): the figures as entered, the units as chosen.
    if (checked('#smeDeclare')) {
      const sme = { ownStaff: checked('#smeOwnStaff') };
      if ($('#smeIndustry').value) sme.industry = $('#smeIndustry').value;
      if (text('#smeEmployees')) sme.employees = text('#smeEmployees');
      if (text('#smeRevenue')) Object.assign(sme, { revenue: text('#smeRevenue'), revenueUnit: $('#smeRevenueUnit').value });
      if (text('#smeAssets')) Object.assign(sme, { totalAssets: text('#smeAssets'), assetsUnit: $('#smeAssetsUnit').value });
      if ($('#smeDeclaredSize').value) sme.declaredSize = $('#smeDeclaredSize').value;
      if (checked('#smeRelated')) sme.relatedToLargeEnterprise = true;
      if (checked('#smeWelfare')) sme.welfareUnit = true;
      if (checked('#smePrison')) sme.prisonEnterprise = true;
      app.sme = sme;
    }
    return app;
  }

  function applySmeDeclare() {
    const on = checked('#smeDeclare');
    for (const row of form.querySelectorAll('[data-sme-field]')) row.hidden = !on;
    onLayoutChange?.();
  }

  /** The size the package computed, shown live beside the declared one. */
  function showComputedSize(r) {
    const out = $('#smeComputed');
    const g = r?.groups.find((x) => x.id === 'sme_declaration');
    const size = g?.params?.computedSize;
    out.textContent = size ? t('smeComputed')(t(`size.${size}`)) : '';
    out.dataset.size = size ?? '';
  }

  function options() {
    const opts = { asOf: asOf.value, locale: locale() };
    if (catalogue) opts.catalogue = catalogue;
    if (itemCode.value) opts.itemCode = itemCode.value;
    return opts;
  }

  // ---- finding paths → the form ----
  /** The element of a finding's path, or of the nearest enclosing path that has one. */
  function locate(path) {
    if (isConsortium()) {
      // The consortium's own name; the lead member's fields are the main form's.
      if (path === 'name') return locate('consortium.name');
      const lead = /^members\[0\]\.(.+)$/.exec(path);
      if (lead && !form.querySelector(`[data-path="${CSS.escape(path)}"]`)) return locateIn(lead[1]);
    }
    return locateIn(path);
  }

  function locateIn(path) {
    let p = path;
    while (p) {
      const node = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (node && !node.closest('[hidden]')) return node;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return null;
      p = p.slice(0, cut);
    }
    return null;
  }

  function focusPath(path) {
    const node = locate(path);
    if (!node) return;
    const pick = (n) => (n.matches(CONTROLS) ? (n.disabled ? null : n) : n.querySelector(FOCUSABLE));
    const target = pick(node) ?? pick(node.closest('.rec, fieldset') ?? node);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  // ---- highlighting failing fields ----
  const touched = new Set();
  let submitted = false;
  const marked = new Set();
  const invalid = new Set();
  const touchedWithin = (node) => touched.has(node) || [...touched].some((x) => node.contains(x));

  function mark(node, cls) {
    node.classList.add(cls);
    marked.add(node);
  }

  function highlight(findings) {
    for (const node of marked) node.classList.remove('row-invalid', 'row-warning', 'section-invalid', 'section-warning', 'check-invalid');
    marked.clear();
    for (const input of invalid) if (!ownInvalid(input)) input.removeAttribute('aria-invalid');
    invalid.clear();
    for (const f of findings) {
      if (f.severity === 'info') continue;
      const node = locate(f.path);
      if (!node) continue;
      if (!submitted && QUIET_CODES.has(f.code) && !touchedWithin(node)) continue;
      const error = f.severity === 'error';
      if (node.matches(CONTROLS)) {
        if (error) {
          node.setAttribute('aria-invalid', 'true');
          invalid.add(node);
        }
        const row = node.closest('tr, .row');
        if (row) mark(row, error ? 'row-invalid' : 'row-warning');
        const check = node.closest('label.check');
        if (check) mark(check, 'check-invalid');
      } else {
        mark(node, error ? 'section-invalid' : 'section-warning');
      }
    }
  }

  // ---- the report ----
  let last = null;
  /** What the report shows now, to leave the DOM alone when a re-check changes nothing. */
  let shown = '';

  function findingItem(f) {
    const li = el('li', `finding ${f.severity}`);
    li.dataset.code = f.code;
    li.dataset.findingPath = f.path;
    if (locate(f.path)) {
      const button = el('button', 'goto', f.message);
      button.type = 'button';
      button.title = t('gotoField');
      // Keep the focus where it is on mousedown: leaving a changed field would re-check and could
      // redraw the report under the pointer before the click lands.
      button.addEventListener('mousedown', (ev) => ev.preventDefault());
      button.addEventListener('click', () => focusPath(f.path));
      li.append(button);
    } else {
      li.append(el('span', 'text', f.message));
    }
    if (f.basis) li.append(el('small', 'basis', f.basis));
    return li;
  }

  const bySeverity = (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];

  function groupCard(g, i) {
    const li = el('li', `group-card status-${g.status}`);
    li.dataset.group = g.id;
    li.dataset.status = g.status;
    const head = el('div', 'group-head');
    head.append(el('span', 'group-no', t('groupNo')(i)), el('span', 'group-name', t(`group.${g.id}`)),
      el('span', `badge badge-${g.status}`, t(`status.${g.status}`)));
    li.append(head);
    if (g.path) {
      const path = el('div', `group-path path-${g.path}`, t(`path.${g.path}`));
      path.dataset.evidence = g.path;
      li.append(path);
    }
    const findings = [...g.findings].sort(bySeverity);
    if (findings.length) {
      const ul = el('ul', 'group-findings');
      ul.append(...findings.map(findingItem));
      li.append(ul);
    } else if (g.status === 'pass') {
      li.append(el('div', 'group-ok', t('noFindings')));
    }
    return li;
  }

  function render(r) {
    const signature = `${locale()} ${JSON.stringify(r)}`;
    if (signature === shown) return;
    shown = signature;
    verdictBox.dataset.verdict = r.verdict;
    $('#verdict-text').textContent = t(`verdict.${r.verdict}`);
    const meta = [t('metaAsOf')(r.asOf)];
    if (r.item) meta.push(t('metaItem')(r.item.code, r.item.name));
    $('#verdict-meta').textContent = meta.join(' · ');
    $('#reportGroups').replaceChildren(...r.groups.map(groupCard));
    showComputedSize(r);
    const grouped = new Set(r.groups.flatMap((g) => g.findings.map((f) => `${f.code} ${f.path}`)));
    const other = r.findings.filter((f) => !f.group && !grouped.has(`${f.code} ${f.path}`));
    const otherBox = $('#reportOther');
    otherBox.hidden = other.length === 0;
    const ul = el('ul', 'group-findings');
    ul.append(...other.sort(bySeverity).map(findingItem));
    otherBox.replaceChildren(el('div', 'group-head', t('otherNotes')), ul);
    // A consortium: each member's own verdict (its findings are in the groups above).
    const membersBox = $('#reportMembers');
    membersBox.hidden = !r.members?.length;
    const list = el('ol', 'member-verdicts');
    list.append(...(r.members ?? []).map((m, i) => {
      const li = el('li', '', t('memberLine')(i + 1, i === 0, m.name, t(`verdict.${m.verdict}`)));
      li.dataset.verdict = m.verdict;
      li.dataset.memberPath = m.path;
      return li;
    }));
    membersBox.replaceChildren(el('div', 'group-head', t('report.members')), list);
  }

  /** A call that could not be checked at all (a PrecheckError, e.g. no valid deadline). */
  function renderError(e) {
    shown = '';
    verdictBox.dataset.verdict = 'error';
    const message = e?.path === 'opts.asOf' ? t('badAsOf') : String(e?.message ?? e);
    $('#verdict-text').textContent = t('cannotCheck')(message);
    $('#verdict-meta').textContent = '';
    $('#reportGroups').replaceChildren();
    $('#reportOther').hidden = true;
    $('#reportMembers').hidden = true;
    highlight([]);
    if (e?.path === 'opts.asOf') {
      asOf.setAttribute('aria-invalid', 'true');
      invalid.add(asOf);
      mark(asOf.closest('.row'), 'row-invalid');
    }
  }

  /** The package could not load: the report says the pre-check is unavailable, nothing more. */
  function renderUnavailable() {
    verdictBox.dataset.verdict = 'unavailable';
    $('#verdict-text').textContent = t('verdict.unavailable');
    $('#verdict-meta').textContent = t('verdict.unavailableMeta');
  }

  let timer;
  function run() {
    clearTimeout(timer);
    if (monthsFor !== asOf.value) renderMonths();
    if (!available) { renderUnavailable(); return; }
    let report;
    try {
      report = pp.checkSupplier(application(), options());
    } catch (e) {
      if (e?.name !== 'PrecheckError') console.error(e);
      last = null;
      renderError(e);
      return;
    }
    last = report;
    render(report);
    highlight(report.findings);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  // ---- events ----
  form.addEventListener('input', (ev) => {
    touched.add(ev.target);
    schedule();
  });
  form.addEventListener('change', (ev) => {
    touched.add(ev.target);
    if (ev.target === entityType) applyEntityType();
    else if (ev.target === itemCode) showRequirements();
    else if (ev.target.name === 'penaltiesDeclared') applyPenaltiesDeclared();
    else if (ev.target.id === 'termLong') applyTermLong();
    else if (ev.target.name === 'participation') applyParticipation();
    else if (ev.target.id === 'smeDeclare') applySmeDeclare();
    else if (ev.target.id === 'branch') applyBranch();
    else if (ev.target.id === 'bankCreditLetter' || ev.target.id === 'guaranteeLetter') applyLetters();
    run();
  });
  form.addEventListener('reset', () => {
    // The browser resets the controls after this event: rebuild from their reset state then.
    setTimeout(() => {
      penalties.clear();
      licences.clear();
      equipment.clear();
      members.clear();
      touched.clear();
      submitted = false;
      for (const box of monthBoxes) box.replaceChildren();
      monthsFor = null;
      applyEntityType();
      showRequirements();
      applyPenaltiesDeclared();
      applyTermLong();
      applyParticipation();
      applySmeDeclare();
      applyLetters();
      run();
    });
  });

  applyEntityType();
  showRequirements();
  applyPenaltiesDeclared();
  applyTermLong();
  applyParticipation();
  applySmeDeclare();
  applyLetters();
  run();

  return {
    /** Check now (submit): from here on every finding is shown in the form. */
    submit() {
      submitted = true;
      run();
    },
    /** The language changed: the page's texts were re-applied; redo ours and the report. */
    relocale() {
      for (const table of [penalties, licences, equipment, members]) table.relabel();
      renderMonths();
      showRequirements();
      run();
    },
    /** Whether the report marks this input as failing. */
    isInvalid: (input) => invalid.has(input),
    /** The verdict line for the submit summary. */
    summaryNodes() {
      if (!last) return [];
      const line = el('span', 'verdict-line', `${t('sumVerdict')(t(`verdict.${last.verdict}`))} `);
      const a = el('a', '', t('sumSeeReport'));
      a.href = '#report';
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        $('#report').scrollIntoView({ block: 'start' });
        $('#report-title').focus();
      });
      line.append(a);
      return [line];
    },
  };
}

// attach(form, mapping?, options?): progressive enhancement of a portal's existing <form>.
//
// The mapping says which input holds which field ({ uscc: '#creditCode',
// 'penalties[].fineAmount': 'input[name^=fine]' }, `[]` = one entry per matching input, in
// document order), or the inputs say it themselves (data-precheck="uscc"). attach then checks
// each field on input (debounced), blur and submit with the package's own checks, and reports
// through what the browser and the portal already have: setCustomValidity (so :invalid styles and
// reportValidity() work), aria-invalid, aria-describedby pointing at a message element it adds
// after the input (text only), and the events precheck:field / precheck:report. On submit it can
// run checkSupplier over an application read from the same inputs, and block the submission.
// detach() puts back every attribute, validity message and element exactly as they were.
//
// This file builds attach() over one module's field checks (createAttach): the default entry's
// over the whole API's module, with checkSupplier at hand (attach-main.js); the attach entry's
// over the small fields module, bringing in the rest of the package only when the options ask
// for checkSupplier, and in the background (attach-entry.js).
//
// Needs a DOM (a browser, or jsdom); importing it does not.
import { checkOfKey, fieldSpec, keyOfPath, optionsOfKey, runCheck, unitName } from './fields.js';
import { unavailableError } from './availability.js';

const attachedForms = new WeakSet();
let lastId = 0;

/**
 * attach() over `checks` (a checkTable of fields.js) of the module whose availability is `state`.
 * `supplier()` gives checkSupplier when it is at hand (else undefined); `loadSupplier()` (needed
 * only where `supplier()` can be undefined: the attach entry) brings it in: a promise of
 * checkSupplier, or of null when the rest of the package could not be loaded.
 */
export function createAttach({ checks, state, supplier, loadSupplier }) {
  return (form, mapping, options) => attach(form, mapping, options, { checks, state, supplier, loadSupplier });
}

function attach(form, mapping, options = {}, { checks, state, supplier, loadSupplier }) {
  if (!form || form.nodeType !== 1 || form.localName !== 'form') {
    throw new TypeError('attach(form, …): form must be a <form> element');
  }
  if (attachedForms.has(form)) throw new Error('attach: this form is already attached; detach() it first');
  if (state.status !== 'ready') return unavailableHandle(form, options?.locale, state);
  const o = {
    locale: 'zh-CN', validateOn: ['input', 'blur', 'submit'], debounce: 300, blockSubmit: true,
    showInfo: false, messageClass: 'precheck-message', ...options,
  };
  const doc = form.ownerDocument;
  const win = doc.defaultView;
  const fields = resolveFields(form, mapping);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  linkDependencies(fields, byKey);
  // Bad options throw here, not when the user types: the locale and checkSupplier's options
  // (when checkSupplier is still loading: `complete` rejects with that error once it is there).
  runCheck(checks, { check: 'uscc' }, '', { locale: o.locale, required: false });
  const supplierOpts = { locale: o.locale, ...o.checkSupplier };
  // checkSupplier: at hand, loading (`supplierLoading`), or null (not asked for, or it could not
  // be loaded: then attach checks the fields alone).
  let checkSupplier = o.application ? supplier() ?? null : null;
  let supplierLoading = null;
  if (checkSupplier) checkSupplier({}, supplierOpts);
  else if (o.application) {
    supplierLoading = loadSupplier().then((fn) => {
      supplierLoading = null;
      if (!fn) return false;
      fn({}, supplierOpts);
      checkSupplier = fn;
      return true;
    }, (e) => { supplierLoading = null; throw e; });
  }
  const complete = supplierLoading ?? Promise.resolve(true);

  const touched = new Map(); // element → what it was before attach touched it, and its state now
  const timers = new Map();
  let summaryList = null;
  let summaryShown = false; // the summary follows the fields once a submit or check() showed it
  let unplacedFindings = []; // checkSupplier's findings on no mapped input, from the last run
  let live = true;
  const ownsNoValidate = o.validateOn.includes('submit') && !form.hasAttribute('novalidate');

  // ---- which field an element is ------------------------------------------------------------

  const elementsOf = (f) => [...form.querySelectorAll(f.spec.selector)];
  const pathOf = (f, row) => (f.repeated ? f.key.replace('[]', `[${row}]`) : f.key);

  function hitOf(target) {
    for (const f of fields) {
      const els = elementsOf(f);
      const i = els.indexOf(target);
      if (i >= 0) return f.repeated ? { f, el: target, row: i } : { f, el: els[0], row: 0 };
    }
    return null;
  }

  /** The element of field `f` in row `row` (a field without [] has one row). */
  function elementAt(f, row) {
    const els = elementsOf(f);
    return (f.repeated ? els[row] : els[0]) ?? null;
  }

  // ---- what attach changes on an element, and how to put it back -----------------------------

  /** The first time attach touches an input: remember what it was, add its message element. */
  function touch(el) {
    let t = touched.get(el);
    if (t) return t;
    t = {
      ariaInvalid: el.getAttribute('aria-invalid'),
      describedBy: el.getAttribute('aria-describedby'),
      validity: el.validity?.customError ? el.validationMessage : '', // the portal's own message
      label: labelOf(el),
      message: doc.createElement('span'),
      edited: false,
      result: null, // the field check's result
      supplier: [], // checkSupplier's findings on this input, until it is edited
    };
    const msg = t.message;
    do msg.id = `precheck-msg-${++lastId}`; while (doc.getElementById(msg.id));
    msg.className = o.messageClass;
    msg.setAttribute('data-precheck-message', '');
    msg.setAttribute('aria-live', 'polite');
    msg.hidden = true;
    (el.closest('label') ?? el).after(msg); // not inside a wrapping <label>: it would join its text
    el.setAttribute('aria-describedby', t.describedBy ? `${t.describedBy} ${msg.id}` : msg.id);
    touched.set(el, t);
    return t;
  }

  function restore(el, t) {
    el.setCustomValidity?.(t.validity);
    setOrRemove(el, 'aria-invalid', t.ariaInvalid);
    setOrRemove(el, 'aria-describedby', t.describedBy);
    t.message.remove();
  }

  // ---- checking one element -----------------------------------------------------------------

  function check({ f, el, row }, reason) {
    const t = touch(el);
    t.supplier = [];
    t.result = null;
    if (f.spec.check) {
      const value = 'value' in el ? el.value : el.textContent;
      // While typing, an emptied field is not yet "missing": that waits for blur or submit.
      const required = reason === 'input' ? false : (f.spec.required ?? el.required === true);
      const base = { locale: o.locale, path: pathOf(f, row), required };
      const label = f.spec.label ?? t.label;
      if (label) base.label = label;
      const spec = { ...f.spec, unit: unitOf(f, row) };
      let figures;
      if (f.amountKey) {
        const amountField = byKey.get(f.amountKey);
        const amountRow = amountField.repeated ? row : 0;
        const amountEl = elementAt(amountField, amountRow);
        figures = amountEl ? amountEl.value : undefined;
        spec.unit = unitOf(amountField, amountRow);
        spec.amountPath = pathOf(amountField, amountRow);
        const amountLabel = amountField.spec.label ?? (amountEl ? labelOf(amountEl) : undefined);
        if (amountLabel) spec.amountLabel = amountLabel;
      }
      t.result = runCheck(checks, spec, value, base, figures);
      if (f.amountKey) { // the figures' own problems are shown on the figures' input
        const findings = t.result.findings.filter((x) => x.path !== spec.amountPath);
        t.result = { ...t.result, ok: !findings.some((x) => x.severity === 'error'), findings };
      }
    }
    render({ f, el, row }, t);
    const state = stateOf(f, el, row, t);
    el.dispatchEvent(new win.CustomEvent('precheck:field', { bubbles: true, detail: { ...state, reason } }));
    if (reason !== 'submit' && reason !== 'check') refreshSummary();
    return state;
  }

  /** The unit of an amount: fixed in the spec, or read from its unit field ('yuan' | 'wan' | 元 | 万元). */
  function unitOf(f, row) {
    if (!f.unitKey) return unitName(f.spec.unit);
    const unitField = byKey.get(f.unitKey);
    const el = elementAt(unitField, unitField.repeated ? row : 0);
    const checked = el?.type === 'radio' ? elementsOf(unitField).find((e) => e.checked) : el;
    return unitName(checked?.value);
  }

  function render({ f, el, row }, t) {
    const findings = [...(t.result?.findings ?? []), ...t.supplier];
    const errors = findings.filter((x) => x.severity === 'error').map((x) => x.message);
    const warnings = findings.filter((x) => x.severity === 'warning').map((x) => x.message);
    const infoWanted = f.spec.showInfo ?? (typeof o.showInfo === 'function' ? true
      : Array.isArray(o.showInfo) ? o.showInfo.includes(f.key) : o.showInfo);
    let notes = [];
    if (!errors.length && infoWanted && t.result) {
      notes = t.result.findings.filter((x) => x.severity === 'info').map((x) => x.message);
      const line = typeof o.showInfo === 'function' && f.spec.showInfo === undefined
        ? o.showInfo(stateOf(f, el, row, t)) : infoLine(f.spec.check, t.result);
      if (line) notes.push(line);
    }
    const text = (errors.length ? errors : [...warnings, ...notes]).join(' ');
    el.setCustomValidity?.(errors.join(' '));
    if (errors.length) el.setAttribute('aria-invalid', 'true');
    else setOrRemove(el, 'aria-invalid', t.ariaInvalid);
    t.message.textContent = text;
    t.message.hidden = text === '';
    t.message.setAttribute('data-severity', errors.length ? 'error' : warnings.length ? 'warning' : text ? 'info' : '');
  }

  function stateOf(f, el, row, t) {
    const findings = [...(t.result?.findings ?? []), ...t.supplier];
    return {
      key: f.key,
      path: pathOf(f, row),
      element: el,
      label: f.spec.label ?? t.label,
      check: f.spec.check ?? null,
      result: t.result,
      findings,
      valid: !findings.some((x) => x.severity === 'error'),
    };
  }

  // ---- every field, and the supplier -----------------------------------------------------------

  /** Every mapped input, in mapping order (rows of a [] field in document order). */
  function allHits() {
    const hits = [];
    for (const f of fields) {
      const els = elementsOf(f);
      if (f.repeated) els.forEach((el, row) => hits.push({ f, el, row }));
      else if (els.length) hits.push({ f, el: els[0], row: 0 });
    }
    return hits;
  }

  /** After a submit or check() showed the summary: list what the fields say now (a field
   *  fixed leaves it, one broken again joins it), then checkSupplier's findings on no input. */
  function refreshSummary() {
    if (!summaryShown) return;
    const findings = [];
    for (const { f, el, row } of allHits()) {
      const t = touched.get(el);
      if (t) findings.push(...stateOf(f, el, row, t).findings);
    }
    renderSummary([...findings, ...unplacedFindings]);
  }

  /** checkSupplier's labels: the form's own (the spec's label, else the input's <label>) for
   *  each path of the application, under what the portal gave in checkSupplier.labels. */
  function formLabels(rowMaps) {
    const given = supplierOpts.labels;
    const own = given !== null && typeof given === 'object' && !Array.isArray(given) ? given : null;
    const labels = {};
    for (const f of fields) {
      const dotted = f.key.replace('[]', '');
      if (own && (Object.hasOwn(own, f.key) || Object.hasOwn(own, dotted))) continue;
      const put = (path, el) => {
        const label = f.spec.label ?? (el ? touched.get(el)?.label ?? labelOf(el) : undefined);
        if (label && !(own && Object.hasOwn(own, path))) labels[path] = label;
      };
      if (!f.repeated) { put(f.key, elementAt(f, 0)); continue; }
      const [prefix, rest] = f.key.split('[]');
      (rowMaps.get(prefix) ?? []).forEach((row, i) => put(`${prefix}[${i}]${rest}`, elementAt(f, row)));
    }
    return own ? { ...labels, ...own } : labels;
  }

  function runAll(reason) {
    for (const id of timers.values()) win.clearTimeout(id);
    timers.clear();
    const hits = allHits();
    for (const hit of hits) {
      touch(hit.el).edited = true;
      if (hit.f.spec.check) check(hit, reason);
      else { touched.get(hit.el).supplier = []; render(hit, touched.get(hit.el)); }
    }
    const report = { reason, valid: true, blocked: false, fields: [], findings: [] };
    if (supplierLoading) report.pending = true;
    const unplaced = [];
    if (checkSupplier) {
      const { app, rowMaps } = collect();
      const application = typeof o.application === 'function' ? o.application(form, app)
        : typeof o.application === 'object' ? merge(o.application, app) : app;
      const supplier = checkSupplier(application, { ...supplierOpts, labels: formLabels(rowMaps) });
      report.application = application;
      report.supplier = supplier;
      for (const original of supplier.findings) {
        // A form has fields the application does not (a mobile number, the capital): expected.
        if (original.code === 'qualification.unknown_field') continue;
        // Rows as the form counts them (blank rows included), like the fields' own findings.
        const finding = { ...original, path: formPath(original.path, rowMaps) };
        const el = elementOfPath(finding.path);
        const t = el && touched.get(el);
        if (!t) { unplaced.push(finding); continue; }
        if (!t.result?.findings.some((x) => x.code === finding.code)) t.supplier.push(finding);
      }
    }
    for (const hit of hits) {
      const t = touched.get(hit.el);
      if (t.supplier.length) render(hit, t);
      const state = stateOf(hit.f, hit.el, hit.row, t);
      report.fields.push(state);
      report.findings.push(...state.findings);
    }
    report.findings.push(...unplaced);
    report.valid = report.fields.every((s) => s.valid) && (!report.supplier || report.supplier.verdict === 'pass');
    unplacedFindings = unplaced;
    summaryShown = true;
    renderSummary(report.findings);
    return report;
  }

  /** The application as the mapped inputs give it. Rows of [] fields that are blank are left
   *  out: a row counts once it has a value other than an unticked box or an amount's unit. */
  function collect() {
    const app = {};
    const arrays = new Map(); // "penalties" → Map(row → entry)
    const filled = new Map(); // "penalties" → Set(row)
    const unitKeys = new Set(fields.map((f) => f.unitKey));
    for (const f of fields) {
      const els = elementsOf(f);
      if (!f.repeated) {
        const v = valueOf(f, els);
        if (v !== undefined) setIn(app, f.key.split('.'), v);
        continue;
      }
      const [prefix, rest] = f.key.split('[]');
      const rows = arrays.get(prefix) ?? new Map();
      arrays.set(prefix, rows);
      const rowsFilled = filled.get(prefix) ?? new Set();
      filled.set(prefix, rowsFilled);
      els.forEach((el, row) => {
        const v = valueOf(f, [el]);
        if (v === undefined) return;
        if (v !== false && !unitKeys.has(f.key)) rowsFilled.add(row);
        if (!rest) { rows.set(row, v); return; }
        const entry = rows.get(row) ?? {};
        setIn(entry, rest.slice(1).split('.'), v);
        rows.set(row, entry);
      });
    }
    const rowMaps = new Map();
    for (const [prefix, rows] of arrays) {
      const order = [...filled.get(prefix)].sort((a, b) => a - b);
      setIn(app, prefix.split('.'), order.map((row) => rows.get(row)));
      rowMaps.set(prefix, order);
    }
    return { app, rowMaps };
  }

  /** A path of the application ("penalties[1].kind") as a path of the form: the index of the
   *  entry becomes the row it was read from. */
  function formPath(path, rowMaps) {
    const k = keyOfPath(path);
    const row = k?.row == null ? undefined : rowMaps.get(k.key.split('[]')[0])?.[k.row];
    return row === undefined ? path : k.key.replace('[]', `[${row}]`);
  }

  /** The input a form path ("penalties[2].fineAmount") belongs to, if it is mapped. */
  function elementOfPath(path) {
    const k = keyOfPath(path);
    const f = k && byKey.get(k.key);
    if (!f) return null;
    return f.repeated ? (k.row === null ? null : elementAt(f, k.row)) : elementAt(f, 0);
  }

  function renderSummary(findings) {
    if (o.summary == null) return;
    const host = typeof o.summary === 'string' ? doc.querySelector(o.summary) : o.summary;
    if (!host) return;
    if (!summaryList) {
      summaryList = doc.createElement('ul');
      summaryList.className = `${o.messageClass}-summary`;
      summaryList.setAttribute('role', 'alert');
      host.append(summaryList);
    }
    const seen = new Set();
    const items = [];
    for (const x of findings) {
      if (x.severity === 'info' || seen.has(x.message)) continue;
      seen.add(x.message);
      const li = doc.createElement('li');
      li.textContent = x.message;
      li.setAttribute('data-severity', x.severity);
      items.push(li);
    }
    summaryList.replaceChildren(...items);
    summaryList.hidden = items.length === 0;
  }

  // ---- events ----------------------------------------------------------------------------------

  function schedule(hit) {
    win.clearTimeout(timers.get(hit.el));
    if (o.debounce <= 0) { check(hit, 'input'); return; }
    timers.set(hit.el, win.setTimeout(() => { timers.delete(hit.el); check(hit, 'input'); }, o.debounce));
  }

  /** Fields checked against this one (an amount against its unit, an uppercase amount against
   *  its figures and their unit) are checked again when it changes, if they were checked before. */
  function recheckDependents(hit, reason) {
    const key = hit.f.key;
    for (const d of fields) {
      const dependsOn = d.unitKey === key || d.amountKey === key || (d.amountKey && byKey.get(d.amountKey).unitKey === key);
      if (!dependsOn) continue;
      const row = d.repeated && hit.f.repeated ? hit.row : 0;
      const el = elementAt(d, row);
      if (el && touched.get(el)?.result) check({ f: d, el, row }, reason);
    }
  }

  /** Submits the form again as the user did (its submit event, the portal's handlers, the
   *  constraints): requestSubmit with the same submitter (null: none; a button removed since has
   *  no form), or on a browser without it (Safari before 16, Chromium before 76) a click on that
   *  button, or on a hidden one put in the form for the click — never form.submit(), which fires
   *  no submit event, so the portal's own handlers would not run. */
  function resubmit(submitter) {
    const own = submitter?.form === form ? submitter : null;
    if (typeof form.requestSubmit === 'function') { form.requestSubmit(own); return; }
    const button = own ?? form.appendChild(Object.assign(form.ownerDocument.createElement('button'), { type: 'submit', hidden: true }));
    try { button.click(); } finally { if (button !== own) button.remove(); }
  }

  const listeners = {
    input(event) {
      const hit = hitOf(event.target);
      if (!hit) return;
      touch(hit.el).edited = true;
      if (!o.validateOn.includes('input')) return;
      if (hit.f.spec.check) schedule(hit);
      else if (touched.get(hit.el).supplier.length) check(hit, 'input'); // clears its old findings (and its summary entry)
      recheckDependents(hit, 'input');
    },
    focusout(event) {
      const hit = hitOf(event.target);
      if (!hit || !o.validateOn.includes('blur') || !touched.get(hit.el)?.edited) return;
      // Leaving for this form's submit button: the submit checks everything. A message shown
      // now would move the button from under the pointer between mousedown and click.
      const to = event.relatedTarget;
      if (to && to.form === form && to.type === 'submit' && o.validateOn.includes('submit')) return;
      win.clearTimeout(timers.get(hit.el));
      timers.delete(hit.el);
      if (hit.f.spec.check) check(hit, 'blur');
      recheckDependents(hit, 'blur');
    },
    submit(event) {
      if (!o.validateOn.includes('submit')) return;
      if (event.submitter?.formNoValidate) return; // a "save draft" button skips every check
      const report = runAll('submit');
      // The novalidate attach set must not switch off the portal's own constraints (required …).
      const nativeFails = ownsNoValidate && !nativeValid();
      report.blocked = (o.blockSubmit && !report.valid) || nativeFails;
      // The fields pass but checkSupplier is still loading: hold the submission until it is
      // there, then submit again (that submit checks everything, checkSupplier included).
      const wait = !report.blocked && report.pending && o.blockSubmit;
      if (wait) {
        report.blocked = true;
        const submitter = event.submitter;
        supplierLoading.catch(() => {}).then(() => {
          if (!live) return;
          resubmit(submitter);
        });
      }
      if (wait) {
        event.preventDefault();
        event.stopImmediatePropagation();
      } else if (report.blocked) {
        event.preventDefault();
        event.stopImmediatePropagation(); // the portal's own submit handlers must not send it either
        if (o.reportValidity ?? ownsNoValidate) form.reportValidity();
      }
      form.dispatchEvent(new win.CustomEvent('precheck:report', { bubbles: true, detail: report }));
    },
    reset() {
      for (const id of timers.values()) win.clearTimeout(id);
      timers.clear();
      for (const el of touched.keys()) {
        const hit = hitOf(el);
        const t = touched.get(el);
        t.result = null;
        t.supplier = [];
        t.edited = false;
        if (hit) render(hit, t);
      }
      unplacedFindings = [];
      summaryShown = false;
      renderSummary([]);
    },
  };

  /** The form's validity with only the messages attach set left out. */
  function nativeValid() {
    return [...form.elements].every((el) => !el.willValidate || el.validity.valid
      || (touched.has(el) && onlyCustomError(el.validity)));
  }

  if (ownsNoValidate) form.setAttribute('novalidate', ''); // attach decides, then asks reportValidity()
  for (const [type, fn] of Object.entries(listeners)) form.addEventListener(type, fn, true);
  attachedForms.add(form);

  return {
    form,
    get attached() { return live; },
    complete,
    check() {
      if (!live) throw new Error('attach: check() after detach()');
      const report = runAll('check');
      form.dispatchEvent(new win.CustomEvent('precheck:report', { bubbles: true, detail: report }));
      return report;
    },
    detach() {
      if (!live) return;
      live = false;
      for (const [type, fn] of Object.entries(listeners)) form.removeEventListener(type, fn, true);
      for (const id of timers.values()) win.clearTimeout(id);
      timers.clear();
      for (const [el, t] of touched) restore(el, t);
      touched.clear();
      summaryList?.remove();
      if (ownsNoValidate) form.removeAttribute('novalidate');
      attachedForms.delete(form);
    },
  };
}

/**
 * The WebAssembly module did not load: the form is left exactly as it was (no listeners, no
 * novalidate, no blocked submit), and `precheck:unavailable` is fired on it — after attach()
 * returns, so a listener added just after the call hears it too.
 */
function unavailableHandle(form, locale, state) {
  const win = form.ownerDocument.defaultView;
  const error = unavailableError('attach', state, locale);
  win.queueMicrotask(() => {
    form.dispatchEvent(new win.CustomEvent('precheck:unavailable', { bubbles: true, detail: { error, cause: state.reason } }));
  });
  return {
    form,
    get attached() { return false; },
    unavailable: true,
    complete: Promise.resolve(false),
    /** Nothing can be checked: a report that blocks nothing and says why. */
    check() {
      return { reason: 'check', valid: true, blocked: false, unavailable: true, fields: [], findings: [] };
    },
    detach() {},
  };
}

// ---- the mapping -------------------------------------------------------------------------------

function resolveFields(form, mapping) {
  const specs = new Map();
  for (const el of form.querySelectorAll('[data-precheck]')) {
    const key = el.getAttribute('data-precheck');
    if (key && !specs.has(key)) specs.set(key, {});
  }
  for (const [key, v] of Object.entries(mapping ?? {})) {
    specs.set(key, typeof v === 'string' ? { selector: v } : { ...v });
  }
  return [...specs].map(([key, s]) => {
    if ((key.match(/\[\]/g) ?? []).length > 1) throw new TypeError(`attach: "${key}": at most one [] in a key`);
    const check = s.check !== undefined ? s.check : checkOfKey(key);
    const spec = fieldSpec({ ...optionsOfKey(key, check), ...s, check }, `attach: "${key}"`);
    spec.selector ??= `[data-precheck="${key.replace(/["\\]/g, '\\$&')}"]`;
    form.querySelectorAll(spec.selector); // a bad selector throws here
    return { key, repeated: key.includes('[]'), spec, unitKey: null, amountKey: null };
  });
}

/** An amount's unit field (given, or the sibling capital → capitalUnit, fineAmount → fineUnit)
 *  and an uppercase amount's figures field (given, or the only amount field of its kind). */
function linkDependencies(fields, byKey) {
  const amounts = fields.filter((f) => f.spec.check === 'amount');
  for (const f of fields) {
    const { check, unit, amount } = f.spec;
    if (check === 'amount' && unit !== undefined && !unitName(unit)) {
      if (!byKey.has(unit)) throw new TypeError(`attach: "${f.key}": unit "${unit}" is neither yuan/wan nor a mapped field`);
      f.unitKey = unit;
    } else if (check === 'amount' && unit === undefined) {
      f.unitKey = [`${f.key}Unit`, f.key.replace(/Amount$/, 'Unit')].find((k) => k !== f.key && byKey.has(k)) ?? null;
    }
    if (check === 'uppercaseAmount') {
      // Default: the one amount field in the same row kind ("capital" for "uppercaseAmount").
      const prefix = f.key.split('[]')[0];
      const same = amounts.filter((a) => a.repeated === f.repeated && (!f.repeated || a.key.startsWith(`${prefix}[]`)));
      f.amountKey = amount ?? (same.length === 1 ? same[0].key : undefined);
      if (!f.amountKey || !byKey.has(f.amountKey)) {
        throw new TypeError(`attach: "${f.key}": uppercaseAmount needs amount: the mapping key of its figures`);
      }
    }
  }
}

// ---- reading the form --------------------------------------------------------------------------

/** A field's value for the application: text trimmed (blank = absent), a checkbox a boolean
 *  (several: the ticked values), radios the ticked one, "true"/"false" of a select or radio a
 *  boolean, 元/万元 of a …Unit field "yuan"/"wan". */
function valueOf(f, els) {
  const el = els[0];
  if (!el) return undefined;
  const literal = (v) => {
    if (v === 'true') return true;
    if (v === 'false') return false;
    return /Unit$/.test(f.key) ? unitName(v) ?? v : v;
  };
  if (el.type === 'checkbox') return els.length > 1 ? els.filter((e) => e.checked).map((e) => e.value) : el.checked;
  if (el.type === 'radio') {
    const ticked = els.find((e) => e.checked);
    return ticked ? literal(ticked.value) : undefined;
  }
  if (el.localName === 'select' && el.multiple) return [...el.selectedOptions].map((opt) => opt.value);
  const v = ('value' in el ? el.value : el.textContent).trim();
  if (v === '') return undefined;
  return el.localName === 'select' ? literal(v) : v;
}

/** The field's name as the form shows it: its <label> (for= or wrapping), aria-labelledby,
 *  aria-label or title; without a required-marker asterisk or a trailing colon. */
function labelOf(el) {
  const doc = el.ownerDocument;
  let text = '';
  const label = el.labels?.[0];
  if (label) {
    const copy = label.cloneNode(true);
    for (const n of copy.querySelectorAll('input, select, textarea, button, [data-precheck-message]')) n.remove();
    text = copy.textContent;
  }
  if (!clean(text) && el.hasAttribute('aria-labelledby')) {
    text = el.getAttribute('aria-labelledby').split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
  }
  if (!clean(text)) text = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '';
  return clean(text) || undefined;
}

function clean(s) {
  let t = s.replace(/\s+/g, ' ').trim();
  for (let before = ''; before !== t;) {
    before = t;
    t = t.replace(/^[*＊]\s*/, '').replace(/\s*[*＊]$/, '').replace(/\s*[:：]$/, '').trim();
  }
  return t;
}

/** What showInfo shows for a value that passed: the decoded parts the package returns. */
function infoLine(check, r) {
  const i = r.info;
  if (!i || r.value === null) return '';
  switch (check) {
    case 'uscc': return i.summary;
    case 'idNumber': return `${i.province} · ${i.birthDate}`;
    case 'orgCode': return `${i.body}-${i.checkChar}`;
    case 'amount': return i.uppercase ? `¥${i.yuan} · ${i.uppercase}` : `¥${i.yuan}`;
    case 'uppercaseAmount': return i.canonical ? `¥${i.parsed} · ${i.canonical}` : `¥${i.parsed}`;
    default: return r.value;
  }
}

// ---- small helpers -----------------------------------------------------------------------------

function setOrRemove(el, name, value) {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

function onlyCustomError(v) {
  return v.customError && !(v.valueMissing || v.typeMismatch || v.patternMismatch || v.tooLong || v.tooShort
    || v.rangeUnderflow || v.rangeOverflow || v.stepMismatch || v.badInput);
}

function setIn(obj, segments, value) {
  let o = obj;
  for (const s of segments.slice(0, -1)) o = o[s] ??= {};
  o[segments.at(-1)] = value;
}

/** A plain-object deep merge where `over` wins; arrays are replaced, not merged. */
function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlain(b) && isPlain(v) ? merge(b, v) : v;
  }
  return out;
}

function isPlain(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

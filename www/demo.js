// procurement-precheck demo: a supplier registration form checked in the browser.
// Plain ES module, no framework. Every value stays in this page: the package is WebAssembly
// loaded from ./pkg/, and nothing is ever sent anywhere (the form never submits).
// This file owns the identifier fields (live field checks) and the language; the qualification
// sections and the checkSupplier report beside the form are in ./qualification.js.
//
// When the package's .wasm cannot be loaded (a 404 after a deploy, a proxy's wrong MIME type, a
// CSP without 'wasm-unsafe-eval'; index.html?wasm=blocked shows it), the import still resolves
// and `pp.ready` is false: the page then shows a polite notice that the pre-checks are
// unavailable, checks nothing, and its form submits as it would without the package.
import * as pp from './pkg/index.js';
import { QUAL_TEXT, initQualification } from './qualification.js';

/** Whether the pre-checks run: the package's `ready` (already settled when the import resolves). */
const available = await pp.ready;

// ---------------------------------------------------------------------------------------------
// Page text in the three languages. The package writes the findings' messages itself; this
// table only holds the page's own words (labels, hints, the decoded-info lines, the banner).
// ---------------------------------------------------------------------------------------------
const UI = {
  'zh-CN': {
    'doc.title': '供应商注册 - XX省政府采购网',
    skip: '跳到注册表单',
    'top.welcome': '您好，欢迎访问XX省政府采购网！',
    'top.lang': '语言',
    'site.name': 'XX省政府采购网',
    'site.sub': '供应商注册',
    'nav.aria': '主导航',
    'nav.home': '首页', 'nav.notices': '采购公告', 'nav.policy': '政策法规',
    'nav.suppliers': '供应商服务', 'nav.catalogue': '购买服务目录', 'nav.legacy': '老式表单演示', 'nav.disclosure': '信息公开', 'nav.help': '办事指南',
    'bc.here': '当前位置：',
    'step.1': '填写基本信息', 'step.2': '上传资质材料', 'step.3': '提交审核',
    'panel.title': '供应商基本信息和资格条件',
    'panel.note': '请如实填写以下信息，带', 'panel.note2': '的为必填项。填写时系统会即时预检格式与校验码。',
    loading: '正在加载校验组件……',
    'unavail.title': '在线预检暂不可用',
    'unavail.body': '校验组件未能加载，本页暂时无法即时检查您填写的内容。您仍可照常填写并提交注册信息，提交后由工作人员审核。',
    'toggle.block': '演示：校验组件无法加载时的页面',
    'toggle.restore': '恢复正常加载校验组件',
    versionUnavailable: '校验组件 procurement-precheck 未加载',
    sumSubmitted: '注册信息已提交，未经在线预检，将由工作人员审核。',
    'legend.entity': '主体信息', 'legend.legalRep': '法定代表人信息', 'legend.contact': '联系方式',
    'f.supplierName': '供应商名称',
    'f.uscc': '统一社会信用代码',
    'f.orgCode': '组织机构代码',
    'f.regNo15': '原15位注册号',
    'f.capital': '注册资本',
    'f.capitalUnit': '注册资本单位',
    'f.capitalUpper': '注册资本大写',
    'f.established': '成立日期',
    'f.idNumber': '法定代表人身份证号码',
    'f.mobile': '联系手机',
    'f.phone': '办公电话',
    'unit.yuan': '元', 'unit.wan': '万元',
    'h.supplierName': '与营业执照上的名称一致',
    'h.uscc': '18位，由数字和大写英文字母组成（GB 32100-2015）',
    'h.orgCode': '选填，“三证合一”前的9位代码，如 12345678-9',
    'h.regNo15': '选填，2015年以前的工商营业执照注册号',
    'h.capital': '可使用千分位，如 1,000.00',
    'h.capitalUpper': '按《支付结算办法》书写，如 壹拾万元整',
    'h.established': '格式：年-月-日，如 2015-10-01',
    'h.idNumber': '18位居民身份证号码，末位可为X',
    'h.mobile': '11位手机号码',
    'h.phone': '选填，手机号码或“区号-号码”，如 010-12345678',
    'btn.genUpper': '生成大写', 'btn.submit': '提交注册', 'btn.reset': '重新填写',
    privacy: '所有校验在您的浏览器内完成，数据不会上传',
    'foot.about': '关于我们', 'foot.contact': '联系我们', 'foot.sitemap': '网站地图', 'foot.help': '使用帮助',
    'foot.host': '主办单位：XX省财政厅　　承办单位：XX省政府采购中心',
    'foot.small': '本页面为 procurement-precheck 演示页，不收集、不提交任何数据。建议使用 1280×800 以上分辨率浏览。',
    // decoded info
    normalized: '已规范为',
    orgCode: '组织机构代码',
    birth: '出生日期',
    male: '男', female: '女',
    age: (n) => `${n}周岁`,
    division: '行政区划代码',
    yuan: (v) => `${v} 元`,
    matches: '与小写金额一致',
    spells: (v) => `大写金额为 ${v} 元`,
    canonical: '规范写法',
    weekdays: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
    mobileKind: '手机号码', landline: '固定电话', areaCode: '区号', extension: '分机',
    checkChar: '校验码',
    valid: '格式正确',
    // messages of the page itself
    required: (label) => `请填写${label}。`,
    tooShort: (label) => `${label}过短，请填写完整名称。`,
    failed: (label, msg) => `无法校验${label}：${msg}`,
    genFailed: '无法生成大写金额：',
    sumErrors: (e, w) => `预检发现 ${e} 个错误、${w} 个警告，请根据提示修改。`,
    sumWarnings: (w) => `预检未发现错误，但有 ${w} 个警告，请核对。`,
    sumPassed: '预检通过，未发现问题。',
    sumNote: '本页面为演示页，不会真正提交数据。',
    sumFields: '需要修改的项目：',
    version: (v) => `校验组件 procurement-precheck v${v}`,
  },
  'zh-TW': {
    'doc.title': '供應商註冊 - XX省政府採購網',
    skip: '跳到註冊表單',
    'top.welcome': '您好，歡迎造訪XX省政府採購網！',
    'top.lang': '語言',
    'site.name': 'XX省政府採購網',
    'site.sub': '供應商註冊',
    'nav.aria': '主導覽',
    'nav.home': '首頁', 'nav.notices': '採購公告', 'nav.policy': '政策法規',
    'nav.suppliers': '供應商服務', 'nav.catalogue': '購買服務目錄', 'nav.legacy': '舊式表單演示', 'nav.disclosure': '資訊公開', 'nav.help': '辦事指南',
    'bc.here': '目前位置：',
    'step.1': '填寫基本資料', 'step.2': '上傳資格文件', 'step.3': '送出審核',
    'panel.title': '供應商基本資料和資格條件',
    'panel.note': '請如實填寫以下資料，標有', 'panel.note2': '者為必填。填寫時系統會即時預檢格式與檢查碼。',
    loading: '正在載入檢核元件……',
    'unavail.title': '線上預檢暫不可用',
    'unavail.body': '檢核元件未能載入，本頁暫時無法即時檢查您填寫的內容。您仍可照常填寫並送出註冊資料，送出後由工作人員審核。',
    'toggle.block': '示範：檢核元件無法載入時的頁面',
    'toggle.restore': '恢復正常載入檢核元件',
    versionUnavailable: '檢核元件 procurement-precheck 未載入',
    sumSubmitted: '註冊資料已送出，未經線上預檢，將由工作人員審核。',
    'legend.entity': '主體資料', 'legend.legalRep': '法定代表人資料', 'legend.contact': '聯絡方式',
    'f.supplierName': '供應商名稱',
    'f.uscc': '統一社會信用代碼',
    'f.orgCode': '組織機構代碼',
    'f.regNo15': '原15位註冊號',
    'f.capital': '註冊資本',
    'f.capitalUnit': '註冊資本單位',
    'f.capitalUpper': '註冊資本大寫',
    'f.established': '成立日期',
    'f.idNumber': '法定代表人身分證號碼',
    'f.mobile': '聯絡手機',
    'f.phone': '辦公電話',
    'unit.yuan': '元', 'unit.wan': '萬元',
    'h.supplierName': '與營業執照上的名稱一致',
    'h.uscc': '18位，由數字和大寫英文字母組成（GB 32100-2015）',
    'h.orgCode': '選填，「三證合一」前的9位代碼，如 12345678-9',
    'h.regNo15': '選填，2015年以前的工商營業執照註冊號',
    'h.capital': '可使用千分位，如 1,000.00',
    'h.capitalUpper': '依《支付結算辦法》書寫，如 壹拾万元整',
    'h.established': '格式：年-月-日，如 2015-10-01',
    'h.idNumber': '18位居民身分證號碼，末位可為X',
    'h.mobile': '11位手機號碼',
    'h.phone': '選填，手機號碼或「區號-號碼」，如 010-12345678',
    'btn.genUpper': '產生大寫', 'btn.submit': '送出註冊', 'btn.reset': '重新填寫',
    privacy: '所有檢核均在您的瀏覽器內完成，資料不會上傳',
    'foot.about': '關於我們', 'foot.contact': '聯絡我們', 'foot.sitemap': '網站地圖', 'foot.help': '使用說明',
    'foot.host': '主辦單位：XX省財政廳　　承辦單位：XX省政府採購中心',
    'foot.small': '本頁面為 procurement-precheck 示範頁，不蒐集、不送出任何資料。建議使用 1280×800 以上解析度瀏覽。',
    normalized: '已規範為',
    orgCode: '組織機構代碼',
    birth: '出生日期',
    male: '男', female: '女',
    age: (n) => `${n}週歲`,
    division: '行政區劃代碼',
    yuan: (v) => `${v} 元`,
    matches: '與小寫金額一致',
    spells: (v) => `大寫金額為 ${v} 元`,
    canonical: '規範寫法',
    weekdays: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
    mobileKind: '手機號碼', landline: '市內電話', areaCode: '區號', extension: '分機',
    checkChar: '檢查碼',
    valid: '格式正確',
    required: (label) => `請填寫${label}。`,
    tooShort: (label) => `${label}過短，請填寫完整名稱。`,
    failed: (label, msg) => `無法檢核${label}：${msg}`,
    genFailed: '無法產生大寫金額：',
    sumErrors: (e, w) => `預檢發現 ${e} 個錯誤、${w} 個警告，請依提示修改。`,
    sumWarnings: (w) => `預檢未發現錯誤，但有 ${w} 個警告，請核對。`,
    sumPassed: '預檢通過，未發現問題。',
    sumNote: '本頁面為示範頁，不會真正送出資料。',
    sumFields: '需要修改的項目：',
    version: (v) => `檢核元件 procurement-precheck v${v}`,
  },
  en: {
    'doc.title': 'Supplier registration - XX Province Government Procurement',
    skip: 'Skip to the registration form',
    'top.welcome': 'Welcome to the XX Province Government Procurement portal',
    'top.lang': 'Language',
    'site.name': 'XX Province Government Procurement',
    'site.sub': 'Supplier Registration',
    'nav.aria': 'Main navigation',
    'nav.home': 'Home', 'nav.notices': 'Notices', 'nav.policy': 'Regulations',
    'nav.suppliers': 'Supplier services', 'nav.catalogue': 'Service catalogue', 'nav.legacy': 'Legacy form demo', 'nav.disclosure': 'Disclosure', 'nav.help': 'Guides',
    'bc.here': 'You are here: ',
    'step.1': 'Basic information', 'step.2': 'Upload documents', 'step.3': 'Submit for review',
    'panel.title': 'Supplier information and qualifications',
    'panel.note': 'Please fill in the form truthfully; fields marked', 'panel.note2': 'are required. Each entry is pre-checked as you type.',
    loading: 'Loading the checker…',
    'unavail.title': 'Online pre-checks are unavailable',
    'unavail.body': 'The checker could not be loaded, so this page cannot check your entries as you type. You can still fill in and submit the registration as usual; our staff will review it.',
    'toggle.block': 'Demo: the page when the checker cannot load',
    'toggle.restore': 'Load the checker normally again',
    versionUnavailable: 'checker procurement-precheck not loaded',
    sumSubmitted: 'Registration submitted without the online pre-check; our staff will review it.',
    'legend.entity': 'The entity', 'legend.legalRep': 'Legal representative', 'legend.contact': 'Contact',
    'f.supplierName': 'Supplier name',
    'f.uscc': 'Unified social credit code',
    'f.orgCode': 'Organization code',
    'f.regNo15': 'Former 15-digit registration number',
    'f.capital': 'Registered capital',
    'f.capitalUnit': 'Unit of the registered capital',
    'f.capitalUpper': 'Registered capital in words',
    'f.established': 'Date of establishment',
    'f.idNumber': 'ID card number of the legal representative',
    'f.mobile': 'Mobile phone',
    'f.phone': 'Office phone',
    'unit.yuan': 'yuan', 'unit.wan': '10k yuan',
    'h.supplierName': 'As on the business licence',
    'h.uscc': '18 digits and capital letters (GB 32100-2015)',
    'h.orgCode': 'Optional: the 9-character code used before 2015, e.g. 12345678-9',
    'h.regNo15': 'Optional: the business registration number used before 2015',
    'h.capital': 'Thousands separators are fine, e.g. 1,000.00',
    'h.capitalUpper': 'Chinese financial numerals, e.g. 壹拾万元整',
    'h.established': 'Format: YYYY-MM-DD, e.g. 2015-10-01',
    'h.idNumber': '18-character resident ID number; the last may be X',
    'h.mobile': '11-digit mobile number',
    'h.phone': 'Optional: a mobile number or area code-number, e.g. 010-12345678',
    'btn.genUpper': 'Fill in words', 'btn.submit': 'Register', 'btn.reset': 'Start over',
    privacy: 'Every check runs in your browser; no data is uploaded',
    'foot.about': 'About', 'foot.contact': 'Contact', 'foot.sitemap': 'Site map', 'foot.help': 'Help',
    'foot.host': 'Run by the XX Provincial Department of Finance · XX Provincial Government Procurement Center',
    'foot.small': 'This is a procurement-precheck demo page: it collects and submits nothing. Best viewed at 1280×800 or more.',
    normalized: 'Normalised to',
    orgCode: 'organization code',
    birth: 'born',
    male: 'male', female: 'female',
    age: (n) => `aged ${n}`,
    division: 'division code',
    yuan: (v) => `${v} yuan`,
    matches: 'matches the figures',
    spells: (v) => `reads ${v} yuan`,
    canonical: 'standard spelling',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    mobileKind: 'mobile number', landline: 'landline', areaCode: 'area code', extension: 'extension',
    checkChar: 'check character',
    valid: 'looks right',
    required: (label) => `Please fill in the ${label}.`,
    tooShort: (label) => `The ${label} is too short; please give the full name.`,
    failed: (label, msg) => `The ${label} could not be checked: ${msg}`,
    genFailed: 'Cannot write the amount in words: ',
    sumErrors: (e, w) => `The pre-check found ${e} error${e === 1 ? '' : 's'} and ${w} warning${w === 1 ? '' : 's'}; please correct the fields marked.`,
    sumWarnings: (w) => `No errors, but ${w} warning${w === 1 ? '' : 's'}: please review.`,
    sumPassed: 'Pre-check passed: no problems found.',
    sumNote: 'This is a demo page; nothing is actually submitted.',
    sumFields: 'Fields to correct: ',
    version: (v) => `checker procurement-precheck v${v}`,
  },
};

// The qualification form's words resolve through the same t() and data-i18n attributes.
for (const [lang, table] of Object.entries(QUAL_TEXT)) Object.assign(UI[lang], table);

const $ = (sel) => document.querySelector(sel);
const localeSelect = $('#locale');
const form = $('#regForm');
const summary = $('#summary');

let locale = 'zh-CN';
const t = (key) => UI[locale][key] ?? UI['zh-CN'][key];

/** The label text of a field as the page shows it, without the required mark. */
function labelOf(id) {
  const label = document.querySelector(`label[for="${id}"]`);
  if (!label) return id;
  const text = label.querySelector('.label-text');
  return (text ?? label).textContent.trim();
}

/** Options every check takes: the language, the visible label and the input's name. */
function baseOptions(input, required) {
  return { locale, label: labelOf(input.id), path: input.name, required };
}

// ---------------------------------------------------------------------------------------------
// The fields. `check(raw, opts)` returns a CheckResult; `info(result)` returns the parts of the
// decoded-info line (strings), shown when the field has no error.
// ---------------------------------------------------------------------------------------------
const capitalUnit = $('#capitalUnit');

const FIELDS = [
  {
    id: 'supplierName',
    required: true,
    // No package check for a name: the page checks presence itself.
    check(raw, opts) {
      const value = raw.trim().replace(/\s+/g, ' ');
      if (value === '') {
        return { ok: false, value: null, findings: [{ path: opts.path, code: 'field.required', severity: 'error', message: t('required')(opts.label), params: {} }] };
      }
      if ([...value].length < 2) {
        return { ok: false, value, findings: [{ path: opts.path, code: 'field.too_short', severity: 'error', message: t('tooShort')(opts.label), params: {} }] };
      }
      return { ok: true, value, findings: [] };
    },
    info: () => [],
  },
  {
    id: 'uscc',
    required: true,
    check: (raw, opts) => pp.checkUscc(raw, opts),
    info: (r) => [r.info.summary, `${t('orgCode')} ${r.info.orgCode}`],
  },
  {
    // A branch's head office (shown only for a branch): its code is checked as the supplier's.
    id: 'headOfficeUscc',
    required: true,
    check: (raw, opts) => pp.checkUscc(raw, opts),
    info: (r) => [r.info.summary],
  },
  {
    id: 'orgCode',
    required: false,
    check: (raw, opts) => pp.checkOrgCode(raw, opts),
    info: (r) => [`${t('checkChar')} ${r.info.checkChar}`],
  },
  {
    id: 'regNo15',
    required: false,
    check: (raw, opts) => pp.checkRegNo15(raw, opts),
    info: (r) => [`${t('division')} ${r.info.divisionCode}`],
  },
  {
    id: 'capital',
    required: true,
    check: (raw, opts) => pp.parseAmount(raw, { ...opts, unit: capitalUnit.value }),
    info: (r) => [r.info.uppercase ? { text: r.info.uppercase, cls: 'upper' } : null, t('yuan')(r.info.yuan)],
    // The 元 value is shown in the info line, so no separate "normalised to" line.
    showsValue: true,
  },
  {
    id: 'capitalUpper',
    required: true,
    check(raw, opts) {
      const capital = $('#capital').value;
      return pp.checkUppercaseAmount(raw, capital.trim() === '' ? null : capital, {
        ...opts,
        unit: capitalUnit.value,
        amountPath: 'capital',
        amountLabel: labelOf('capital'),
      });
    },
    info(r, raw) {
      const parts = [];
      if (r.info.amount != null && r.info.parsed === r.info.amount) parts.push(t('matches'));
      else parts.push(t('spells')(r.info.parsed));
      if (r.info.canonical && r.info.canonical !== (r.value ?? raw.trim())) {
        parts.push({ text: `${t('canonical')} ${r.info.canonical}`, cls: 'upper' });
      }
      return parts;
    },
  },
  {
    id: 'established',
    required: true,
    check: (raw, opts) => pp.parseDate(raw, opts),
    info: (r) => [t('weekdays')[r.info.weekday - 1]],
  },
  {
    id: 'idNumber',
    required: true,
    check: (raw, opts) => pp.checkIdNumber(raw, opts),
    info: (r) => [
      `${t('birth')} ${r.info.birthDate}`,
      t(r.info.sex),
      r.info.province,
      t('age')(r.info.age),
    ],
  },
  {
    id: 'mobile',
    required: true,
    check: (raw, opts) => pp.checkMobile(raw, opts),
    info: () => [t('mobileKind')],
  },
  {
    id: 'phone',
    required: false,
    check: (raw, opts) => pp.checkMobile(raw, { ...opts, allowLandline: true }),
    info: (r) => r.info.kind === 'landline'
      ? [t('landline'), r.info.areaCode && `${t('areaCode')} ${r.info.areaCode}`, r.info.extension && `${t('extension')} ${r.info.extension}`]
      : [t('mobileKind')],
  },
];

const byId = new Map(FIELDS.map((f) => [f.id, f]));
const fieldNames = new Set(FIELDS.map((f) => f.id));
/** What each field shows now: its findings (for the summary) and whether anything is shown. */
const state = new Map(FIELDS.map((f) => [f.id, { findings: [], shown: false }]));

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** The qualification part (set up below, once the fields are): its report may mark a field too. */
let qual = null;
const reportInvalid = (input) => qual !== null && qual.isInvalid(input);
/** Whether a field's own check shows an error (the report keeps such a mark when it clears its own). */
const ownInvalid = (input) => fieldNames.has(input.id)
  && state.get(input.id).findings.some((f) => f.severity === 'error');

function clearField(id) {
  const input = document.getElementById(id);
  document.getElementById(`${id}-msg`).replaceChildren();
  document.getElementById(`${id}-info`).replaceChildren();
  state.set(id, { findings: [], shown: false });
  if (reportInvalid(input)) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  input.removeAttribute('aria-describedby');
}

function findingElement(f) {
  const p = document.createElement('p');
  p.className = `finding ${f.severity}`;
  p.dataset.code = f.code;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = f.message;
  p.append(text);
  if (f.basis) {
    const basis = document.createElement('small');
    basis.className = 'basis';
    basis.textContent = f.basis;
    p.append(basis);
  }
  return p;
}

function render(field, raw, result) {
  const input = document.getElementById(field.id);
  const msgBox = document.getElementById(`${field.id}-msg`);
  const infoBox = document.getElementById(`${field.id}-info`);

  // Findings about another field of this form (the uppercase check also reports on the figures)
  // are shown by that field's own check; keep the ones that are this field's.
  const findings = (result.findings ?? [])
    .filter((f) => f.path === input.name || !fieldNames.has(f.path))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const hasError = findings.some((f) => f.severity === 'error');

  msgBox.replaceChildren(...findings.map(findingElement));

  const infoNodes = [];
  if (!hasError && result.info) {
    let parts = [];
    try {
      parts = field.info(result, raw).filter(Boolean);
    } catch (e) {
      console.error(e);
    }
    if (parts.length === 0) parts = [t('valid')];
    const mark = document.createElement('span');
    mark.className = 'ok-mark';
    mark.textContent = '✓';
    infoNodes.push(mark);
    for (const part of parts) {
      const span = document.createElement('span');
      span.className = `info-part${typeof part === 'object' ? ` ${part.cls}` : ''}`;
      span.textContent = typeof part === 'object' ? part.text : part;
      infoNodes.push(span);
    }
  } else if (!hasError && result.ok && raw.trim() !== '') {
    const mark = document.createElement('span');
    mark.className = 'ok-mark';
    mark.textContent = '✓';
    infoNodes.push(mark);
  }
  // The normalised value, when it differs from what was typed (unless a field.normalized
  // finding above already says so); the input itself is left alone while the user types.
  const saidByFinding = findings.some((f) => f.code === 'field.normalized' && f.params?.normalized === result.value);
  if (!field.showsValue && !saidByFinding && result.value != null && result.value !== raw) {
    const line = document.createElement('span');
    line.className = 'normalized';
    line.append(`${t('normalized')} `);
    const b = document.createElement('b');
    b.textContent = result.value;
    line.append(b);
    infoNodes.push(line);
  }
  infoBox.replaceChildren(...infoNodes);

  if (hasError || reportInvalid(input)) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  const describedBy = [];
  if (findings.length) describedBy.push(msgBox.id);
  if (infoNodes.length) describedBy.push(infoBox.id);
  if (describedBy.length) input.setAttribute('aria-describedby', describedBy.join(' '));
  else input.removeAttribute('aria-describedby');

  state.set(field.id, { findings, shown: findings.length > 0 || infoNodes.length > 0 });
}

/** A call that could not check at all (a PrecheckError for bad options, or a bug). */
function renderFailure(field, error) {
  const opts = { label: labelOf(field.id) };
  const message = error && error.name === 'PrecheckError'
    ? `${error.message}${error.path ? ` (${error.path})` : ''}`
    : t('failed')(opts.label, String(error && error.message || error));
  render(field, '', {
    ok: false,
    value: null,
    findings: [{ path: field.id, code: error && error.code || 'internal', severity: 'error', message, params: {} }],
  });
}

/**
 * Checks one field. mode: "input" (typing: an empty field just clears), "blur" / "submit"
 * (an empty required field says so), "rerun" (language or a linked field changed: only fields
 * that show something or hold a value).
 */
function runField(id, mode) {
  const field = byId.get(id);
  const input = document.getElementById(id);
  const raw = input.value;
  const empty = raw.trim() === '';
  // No pre-check at all when the package could not load (its presence checks included: they
  // are the pre-check's); the form is then as it would be without the package.
  if (!available) return;
  // A row hidden for this entity type (a natural person has no credit code) is not checked.
  if (input.closest('[hidden]')) { if (state.get(id).shown) clearField(id); return; }
  if (empty && mode === 'input') { clearField(id); return; }
  if (empty && mode === 'rerun' && !state.get(id).shown) return;
  let result;
  try {
    result = field.check(raw, baseOptions(input, field.required));
  } catch (e) {
    console.error(e);
    renderFailure(field, e);
    return;
  }
  if (empty && result.ok && (result.findings ?? []).length === 0) { clearField(id); return; }
  render(field, raw, result);
}

// Fields whose check also reads another field's value.
const DEPENDENTS = { capital: ['capitalUpper'] };

const timers = new Map();
function schedule(id) {
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(() => {
    timers.delete(id);
    runField(id, 'input');
    for (const dep of DEPENDENTS[id] ?? []) runField(dep, 'rerun');
  }, 150));
}
function flush(id) {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

for (const field of FIELDS) {
  const input = document.getElementById(field.id);
  input.addEventListener('input', () => schedule(field.id));
  input.addEventListener('blur', () => {
    flush(field.id);
    runField(field.id, 'blur');
    for (const dep of DEPENDENTS[field.id] ?? []) runField(dep, 'rerun');
  });
}

capitalUnit.addEventListener('change', () => {
  runField('capital', 'rerun');
  runField('capitalUpper', 'rerun');
});

$('#genUpper').addEventListener('click', () => {
  const capitalInput = $('#capital');
  const upperInput = $('#capitalUpper');
  flush('capital');
  runField('capital', 'blur');
  if (capitalInput.value.trim() === '') { capitalInput.focus(); return; }
  try {
    upperInput.value = pp.amountToUppercase(capitalInput.value, { unit: capitalUnit.value, locale });
  } catch (e) {
    // A figure that cannot be spelled (invalid, negative, too large): parseAmount above has
    // already explained why under the capital field; add the error there if it did not.
    if (!state.get('capital').findings.some((f) => f.severity === 'error')) {
      renderFailure(byId.get('capital'), e && e.name === 'PrecheckError'
        ? Object.assign(new Error(`${t('genFailed')}${e.message}`), { name: 'PrecheckError', code: e.code })
        : e);
    }
    return;
  }
  flush('capitalUpper');
  runField('capitalUpper', 'blur');
});

// ---------------------------------------------------------------------------------------------
// Submit: check everything, show a banner, never submit.
// ---------------------------------------------------------------------------------------------
let summaryShown = false;

function renderSummary() {
  let errors = 0;
  let warnings = 0;
  const errorFields = [];
  for (const field of FIELDS) {
    const { findings } = state.get(field.id);
    const e = findings.filter((f) => f.severity === 'error').length;
    errors += e;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    if (e) errorFields.push(field.id);
  }
  summary.className = `summary ${errors ? 'has-errors' : warnings ? 'has-warnings' : 'passed'}`;
  summary.dataset.errors = String(errors);
  summary.dataset.warnings = String(warnings);
  const head = document.createElement('strong');
  head.textContent = errors ? t('sumErrors')(errors, warnings) : warnings ? t('sumWarnings')(warnings) : t('sumPassed');
  const nodes = [head];
  if (errorFields.length) {
    const ul = document.createElement('ul');
    for (const id of errorFields) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${id}`;
      a.textContent = labelOf(id);
      a.addEventListener('click', (ev) => { ev.preventDefault(); document.getElementById(id).focus(); });
      li.append(a);
      ul.append(li);
    }
    nodes.push(ul);
  }
  nodes.push(...qual.summaryNodes());
  const note = document.createElement('span');
  note.className = 'note';
  note.textContent = t('sumNote');
  nodes.push(note);
  summary.replaceChildren(...nodes);
  summary.hidden = false;
  summaryShown = true;
}

/** Submit without the pre-check (the package could not load): the portal's own submit goes on. */
function renderSubmitted() {
  summary.className = 'summary submitted';
  summary.dataset.submitted = '1';
  delete summary.dataset.errors;
  delete summary.dataset.warnings;
  const head = document.createElement('strong');
  head.textContent = t('sumSubmitted');
  const note = document.createElement('span');
  note.className = 'note';
  note.textContent = t('sumNote');
  summary.replaceChildren(head, note);
  summary.hidden = false;
  summaryShown = true;
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  if (!available) { renderSubmitted(); summary.focus(); return; }
  qual.submit();
  for (const field of FIELDS) { flush(field.id); runField(field.id, 'submit'); }
  renderSummary();
  summary.focus();
});

form.addEventListener('reset', () => {
  for (const field of FIELDS) { flush(field.id); clearField(field.id); }
  summary.hidden = true;
  summary.replaceChildren();
  summaryShown = false;
});

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------
/** Applies the texts of the current language to `root` and the elements under it. */
function translate(root) {
  const all = (sel) => [...(root.matches?.(sel) ? [root] : []), ...root.querySelectorAll(sel)];
  for (const el of all('[data-i18n]')) {
    const text = t(el.dataset.i18n);
    if (typeof text === 'string') el.textContent = text;
  }
  for (const el of all('[data-i18n-aria]')) {
    const text = t(el.dataset.i18nAria);
    if (typeof text === 'string') el.setAttribute('aria-label', text);
  }
}

function applyLocale() {
  document.documentElement.lang = locale;
  document.title = t('doc.title');
  translate(document);
  $('#pp-version').textContent = available ? t('version')(safeVersion()) : t('versionUnavailable');
}

function safeVersion() {
  try { return pp.version(); } catch (e) { console.error(e); return '?'; }
}

localeSelect.addEventListener('change', () => {
  locale = UI[localeSelect.value] ? localeSelect.value : 'zh-CN';
  applyLocale();
  for (const field of FIELDS) { flush(field.id); runField(field.id, 'rerun'); }
  qual.relocale();
  if (summaryShown) (available ? renderSummary : renderSubmitted)();
});

// The failure path: the notice, the generator that needs the package off, and the demo's link
// between the two ways of loading the page.
const toggle = $('#wasmToggle');
if (new URLSearchParams(location.search).get('wasm') === 'blocked') {
  toggle.dataset.i18n = 'toggle.restore';
  toggle.href = location.pathname;
}
if (!available) {
  $('#unavailable').hidden = false;
  $('#genUpper').disabled = true;
}

// A browser that kept the select's value over a reload starts in that language.
locale = UI[localeSelect.value] ? localeSelect.value : 'zh-CN';
applyLocale();
qual = initQualification({
  pp,
  available,
  t: (key) => t(key),
  locale: () => locale,
  translate,
  ownInvalid,
  // Rows shown or hidden for the entity type, the ID number relabelled: re-check what shows.
  onLayoutChange: () => { if (qual) for (const field of FIELDS) { flush(field.id); runField(field.id, 'rerun'); } },
});
// Values the browser restored (back/forward, reload) are checked like typed ones.
for (const field of FIELDS) {
  if (document.getElementById(field.id).value.trim() !== '') runField(field.id, 'blur');
}
document.body.dataset.ready = '1';

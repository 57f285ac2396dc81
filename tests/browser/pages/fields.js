import { checkUscc, parseAmount, checkIdNumber } from '/node_modules/procurement-precheck/fields-entry.js';

const bad = checkUscc(document.querySelector('#uscc').value);
const good = checkUscc('91350100M000100Y43', { locale: 'en' });
document.querySelector('#out').textContent = [bad.findings[0]?.code, good.info?.summary,
  parseAmount('1.5万').info?.uppercase, checkIdNumber('11010519491231002X', { locale: 'zh-TW' }).info?.province].join(' | ');
document.body.dataset.ready = '1';

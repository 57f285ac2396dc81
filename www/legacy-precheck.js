import { attach } from './pkg/attach-entry.js'; // the fields first; checkSupplier's module follows

attach(document.forms.gysForm, {
  name: '[name=gysmc]', entityType: '[name=ztlx]', 'registration.status': '[name=djzt]', uscc: '[name=tyshxydm]',
  'registration.establishedOn': '[name=clrq]', mobile: '[name=lxsj]', 'legalRep.idNumber': '[name=frsfzh]',
  capital: '[name=zczb]', capitalUnit: '[name=zczbdw]', uppercaseAmount: '[name=zczbdx]', 'credit.queriedOn': '[name=xycxrq]',
  'credit.judgmentDefaulter': '[name=sxbzxr]', 'credit.majorTaxViolator': '[name=zdsswf]', 'credit.procurementBlacklist': '[name=cghmd]',
  'penalties[].kind': '[name^=cflx]', 'penalties[].decidedOn': '[name^=cfrq]', 'penalties[].fineAmount': '[name^=fkje]',
  'penalties[].fineUnit': '[name^=fkdw]', 'commitments.reputationAndAccounting': '[name=cn1]',
  'commitments.taxAndSocialSecurity': '[name=cn2]', 'commitments.noMajorViolation': '[name=cn3]',
  'commitments.equipmentAndCapability': '[name=cn4]',
}, { application: true, showInfo: ['uscc', 'legalRep.idNumber', 'capital', 'uppercaseAmount'], summary: '#jyjg' });

document.body.dataset.ready = '1';

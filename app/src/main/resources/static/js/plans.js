// The plans of the user's territory: name (to the plan's page), territory, version, trigger in words, step count.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const R = window.CG_RESPONSE;
  const T = R.words();
  const el = R.el;
  const name = (p) => CG.inLanguage(p.nameZh, p.nameEn);

  CG.json('/api/v1/response/plans').then((plans) => {
    const body = document.querySelector('#plan-list tbody');
    plans.sort((a, b) => a.territoryCode.localeCompare(b.territoryCode) || name(a).localeCompare(name(b)));
    body.replaceChildren(...plans.map((p) => {
      const tr = el('tr', 'plan');
      tr.dataset.plan = p.code;
      const link = el('a', null, name(p));
      link.href = '/plans/' + encodeURIComponent(p.code);
      const first = el('td');
      first.append(link);
      tr.append(first, el('td', null, (cfg.territories || {})[p.territoryCode] || p.territoryCode), el('td', null, 'v' + p.version),
        el('td', 'trigger', R.trigger(T, cfg.categories, p.trigger)), el('td', 'count', p.steps.length));
      return tr;
    }));
    if (plans.length === 0) {
      const tr = el('tr', 'none');
      const td = el('td', null, T.none);
      td.colSpan = 5;
      tr.append(td);
      body.append(tr);
    }
    document.body.dataset.loaded = 'true';
  }).catch((e) => CG.showMessage('plans-error', R.refusal(T, e)));
})();

// The reports page: the tiers of the cases closed in a period, the latest trend alarms, and the daily
// and weekly reports kept (made on demand here). Every value reaches the page as text.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const labels = cfg.labels || {};
  const $ = (id) => document.getElementById(id);
  const cell = (tr, text) => {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    tr.appendChild(td);
    return td;
  };
  const link = (tr, href, text) => {
    const td = document.createElement('td');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    td.appendChild(a);
    tr.appendChild(td);
  };
  const failed = (problem) => { $('reports-error').textContent = CG.refusal(problem); };
  const unit = () => encodeURIComponent($('reports-unit').value);

  function tiers() {
    return CG.json('/api/v1/evaluation/tiers?unit=' + unit() + '&period=' + encodeURIComponent($('reports-period').value.trim()))
      .then((split) => {
        split.items.forEach((t) => {
          $('tier-' + t.tier).textContent = t.count + (t.share == null ? '' : ' · ' + (t.share * 100).toFixed(1) + '%');
        });
      });
  }

  function trends() {
    return CG.json('/api/v1/evaluation/trends?unit=' + unit()).then((answer) => {
      const body = document.querySelector('#trends tbody');
      body.replaceChildren();
      answer.items.forEach((a) => {
        const tr = document.createElement('tr');
        cell(tr, a.gridName);
        cell(tr, CG.inLanguage(a.categoryName, a.categoryNameEn));
        cell(tr, a.count);
        cell(tr, a.mean.toFixed(1));
        cell(tr, a.upper.toFixed(1));
        body.appendChild(tr);
      });
      $('trends-empty').hidden = answer.items.length > 0;
    });
  }

  function reports() {
    return CG.json('/api/v1/evaluation/reports?unit=' + unit()).then((answer) => {
      const body = document.querySelector('#reports tbody');
      body.replaceChildren();
      answer.items.forEach((r) => {
        const tr = document.createElement('tr');
        tr.dataset.id = r.id;
        cell(tr, r.unitName);
        cell(tr, labels[r.kind] || r.kind);
        cell(tr, r.period);
        cell(tr, new Date(r.generatedAt).toLocaleString(cfg.lang === 'en' ? 'en-GB' : 'zh-CN'));
        cell(tr, r.generatedByName);
        link(tr, '/api/v1/evaluation/reports/' + encodeURIComponent(r.id) + '/pdf', 'PDF');
        link(tr, '/api/v1/evaluation/reports/' + encodeURIComponent(r.id) + '/xlsx', 'Excel');
        body.appendChild(tr);
      });
      $('reports-empty').hidden = answer.items.length > 0;
    });
  }

  function show() {
    $('reports-error').textContent = '';
    delete $('reports-page').dataset.ready;
    Promise.all([tiers(), trends(), reports()]).catch(failed).finally(() => { $('reports-page').dataset.ready = 'true'; });
  }

  function make() {
    $('reports-error').textContent = '';
    delete $('reports-page').dataset.ready;
    const period = $('make-period').value.trim();
    CG.json('/api/v1/evaluation/reports?unit=' + unit() + '&kind=' + encodeURIComponent($('make-kind').value)
      + (period ? '&period=' + encodeURIComponent(period) : ''), { method: 'POST' })
      .then(reports).catch(failed).finally(() => { $('reports-page').dataset.ready = 'true'; });
  }

  $('reports-form').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  $('make-form').addEventListener('submit', (e) => { e.preventDefault(); make(); });
  show();
}());

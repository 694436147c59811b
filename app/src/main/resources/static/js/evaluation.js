// The scorecard page: rates, score and grade of the persons, departments or units of a territory in a
// period, from GET /api/v1/evaluation/scorecards. Every value reaches the page as text.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const labels = cfg.labels || {};
  const $ = (id) => document.getElementById(id);
  const cell = (tr, text, cls) => {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  };
  const percent = (v) => (v == null ? '—' : (v * 100).toFixed(1) + '%');

  function header(rateKeys) {
    const row = document.querySelector('#scorecards thead tr');
    while (row.children.length > 5) row.removeChild(row.lastChild);
    rateKeys.forEach((k) => {
      const th = document.createElement('th');
      th.textContent = labels[k] || k;
      row.appendChild(th);
    });
  }

  function show() {
    const unit = $('eval-unit').value;
    const by = $('eval-by').value;
    const period = $('eval-period').value.trim();
    const rateKeys = (cfg.rates || {})[by] || [];
    $('eval-error').textContent = '';
    delete $('evaluation').dataset.ready;
    CG.json('/api/v1/evaluation/scorecards?unit=' + encodeURIComponent(unit) + '&period=' + encodeURIComponent(period)
      + '&by=' + encodeURIComponent(by)).then((sheet) => {
      header(rateKeys);
      const body = document.querySelector('#scorecards tbody');
      body.replaceChildren();
      const grades = { A: 0, B: 0, C: 0, D: 0, E: 0 };
      sheet.items.forEach((item, i) => {
        const tr = document.createElement('tr');
        const s = item.subject;
        cell(tr, i + 1);
        cell(tr, (s.kind === 'department' || s.kind === 'trade' || s.kind === 'segment') ? CG.inLanguage(s.name, s.nameEn) : s.name);
        cell(tr, s.role ? labels[s.role] || s.role : '');
        cell(tr, item.grade || '—', item.grade ? 'grade grade-' + item.grade : 'grade');
        cell(tr, item.score == null ? '—' : item.score.toFixed(1));
        rateKeys.forEach((k) => cell(tr, percent(item.rates[k])));
        body.appendChild(tr);
        if (item.grade) grades[item.grade] += 1;
      });
      Object.keys(grades).forEach((g) => { $('grade-' + g).textContent = String(grades[g]); });
      $('eval-caption').textContent = sheet.from + ' — ' + sheet.to + ' · ' + sheet.items.length + ' ' + (labels.count || '');
      $('eval-empty').hidden = sheet.items.length > 0;
      $('evaluation').dataset.ready = 'true';
    }).catch((problem) => {
      $('eval-error').textContent = CG.refusal(problem);
      $('evaluation').dataset.ready = 'true';
    });
  }

  $('eval-form').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  CG.exportable('scorecards', 'scorecards');
  show();
}());

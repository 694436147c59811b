// The five indices page: a district's or street's indices in a month from GET /api/v1/evaluation/indices,
// and one indicator's cases, shops or import from GET /api/v1/evaluation/indices/indicators/{code}.
// Every value reaches the page as text.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const labels = cfg.labels || {};
  const en = cfg.lang === 'en';
  const $ = (id) => document.getElementById(id);
  const name = (n) => CG.inLanguage(n.nameZh, n.nameEn);
  const num = (v) => (v == null ? '—' : String(Math.round(v * 10000) / 10000));
  const score = (v) => (v == null ? (labels.noValue || '—') : v.toFixed(1));
  const cell = (tr, text, cls) => {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  };
  let current = null;

  function row(body, node, depth) {
    const tr = document.createElement('tr');
    tr.dataset.code = node.code;
    tr.className = 'idx-level-' + depth;
    cell(tr, (depth === 1 ? '· ' : depth === 2 ? '· · ' : '') + name(node));
    cell(tr, depth === 0 ? '' : node.weight + '%');
    cell(tr, node.source === 'NONE' ? '' : (labels['source.' + node.source] || node.source)
      + (node.direction === 'DOWN' ? ' · ' + (labels['direction.DOWN'] || '↓') : ''));
    cell(tr, node.source === 'NONE' ? '' : num(node.raw));
    cell(tr, score(node.score), 'score');
    const action = cell(tr, '');
    if (node.source !== 'NONE') {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'idx-drill';
      b.textContent = labels.behind || '…';
      b.addEventListener('click', () => behind(node.code));
      action.appendChild(b);
    }
    body.appendChild(tr);
    (node.children || []).forEach((c) => row(body, c, depth + 1));
  }

  function show() {
    const unit = $('idx-unit').value;
    const month = $('idx-month').value.trim();
    $('idx-error').textContent = '';
    $('idx-behind').hidden = true;
    delete $('indices').dataset.ready;
    CG.json('/api/v1/evaluation/indices?unit=' + encodeURIComponent(unit) + '&month=' + encodeURIComponent(month)).then((sheet) => {
      current = { unit: sheet.unit, month: sheet.month };
      const scores = $('idx-scores');
      scores.replaceChildren();
      const body = document.querySelector('#idx-tree tbody');
      body.replaceChildren();
      sheet.indices.forEach((index) => {
        const box = document.createElement('div');
        const label = document.createElement('span');
        label.textContent = name(index);
        const value = document.createElement('b');
        value.id = 'idx-score-' + index.code;
        value.textContent = score(index.score);
        box.append(label, value);
        scores.appendChild(box);
        row(body, index, 0);
      });
      $('idx-caption').textContent = sheet.unitName + ' · ' + sheet.month + ' · v' + sheet.treeVersion;
      $('indices').dataset.ready = 'true';
    }).catch((problem) => {
      $('idx-error').textContent = CG.refusal(problem);
      $('indices').dataset.ready = 'true';
    });
  }

  function head(names) {
    const tr = document.querySelector('#idx-behind-table thead tr');
    tr.replaceChildren();
    names.forEach((n) => {
      const th = document.createElement('th');
      th.textContent = n;
      tr.appendChild(th);
    });
  }

  function behind(code) {
    if (!current) return;
    delete $('idx-behind').dataset.ready;
    CG.json('/api/v1/evaluation/indices/indicators/' + encodeURIComponent(code) + '?unit=' + encodeURIComponent(current.unit)
      + '&month=' + encodeURIComponent(current.month)).then((b) => {
      const n = b.indicator;
      $('idx-behind-caption').textContent = name(n) + ' · ' + (labels.raw || '') + ' ' + num(n.raw) + ' · '
        + (labels.score || '') + ' ' + score(n.score);
      const body = document.querySelector('#idx-behind-table tbody');
      body.replaceChildren();
      let note = '';
      if (b.cases.length) {
        head(['#', labels['behind.cases'] || '', labels['measure.counted'] || '']);
        b.cases.forEach((c, i) => {
          const tr = document.createElement('tr');
          cell(tr, i + 1);
          cell(tr, c.number + ' · ' + c.categoryCode + ' · ' + c.gridCode);
          cell(tr, c.measures.map((m) => labels[m] || m).join(' · '));
          body.appendChild(tr);
        });
        note = b.more ? labels['behind.more'] || '' : '';
      } else if (b.shops.length) {
        head(['#', labels['behind.shops'] || '', labels.raw || '']);
        b.shops.forEach((s, i) => {
          const tr = document.createElement('tr');
          cell(tr, i + 1);
          cell(tr, s.name + ' · ' + s.gridCode);
          cell(tr, s.problems);
          body.appendChild(tr);
        });
      } else {
        head([]);
        note = b.importedBy ? (labels['behind.imported'] || '') + ' ' + (b.importedByName || b.importedBy) + ' · '
          + new Date(b.importedAt).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' })
          : labels['behind.none'] || '';
      }
      $('idx-behind-note').textContent = note;
      $('idx-behind').hidden = false;
      $('idx-behind').dataset.ready = 'true';
    }).catch((problem) => {
      $('idx-error').textContent = CG.refusal(problem);
    });
  }

  $('idx-form').addEventListener('submit', (e) => { e.preventDefault(); show(); });
  show();
}());

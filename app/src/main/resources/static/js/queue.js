// Work queues: the chosen queue with its filters, 50 a page, search by number or words; Enter or a click opens the desk.
// Live: changes to cases in the user's territory refresh the page shown.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const T = cfg.text;
  const $ = (id) => document.getElementById(id);
  const SIZE = 50;
  let page = 0;
  const fmt = (template, value) => template.replace('{0}', value);

  CG.json('/api/v1/catalog/categories').then((items) => {
    items.forEach((c) => {
      const o = document.createElement('option');
      o.value = c.code;
      o.textContent = c.code + ' ' + CG.inLanguage(c.nameZh, c.nameEn);
      $('category').appendChild(o);
    });
  });

  function params() {
    const form = $('queue-filters');
    const p = new URLSearchParams();
    p.set('queue', form.querySelector('input[name=queue]:checked').value);
    form.querySelectorAll('input[name=state]:checked').forEach((c) => p.append('state', c.value));
    if ($('category').value) p.set('category', $('category').value);
    if ($('q').value.trim()) p.set('q', $('q').value.trim());
    p.set('page', page);
    p.set('size', SIZE);
    return p;
  }

  /** Loads the current page; rows of cases in {@code changed} glow for a moment (live updates). */
  function load(changed) {
    document.body.dataset.loaded = 'false';
    return CG.json('/api/v1/cases?' + params()).then((result) => {
      const body = document.querySelector('#queue-table tbody');
      // live reloads keep the keyboard focus on the row it was on
      const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.caseId : null;
      body.replaceChildren();
      result.items.forEach((c) => {
        const tr = document.createElement('tr');
        tr.tabIndex = 0;
        tr.dataset.caseId = c.id;
        tr.dataset.state = c.state;
        if (changed && changed.has(c.id)) tr.classList.add('changed');
        const light = (c.stage && c.stage.light) || 'NONE';
        const cells = [c.number, CG.inLanguage(c.category.nameZh, c.category.nameEn), cfg.states[c.state] || c.state,
          [c.place.streetName, c.place.gridName].filter(Boolean).join(' · '), c.stage && c.stage.deadline ? CG.time(c.stage.deadline) : '—',
          c.urgent ? T.urgent : ''];
        cells.forEach((v, i) => {
          const td = document.createElement('td');
          if (i === 4) {
            const dot = document.createElement('span');
            dot.className = 'dot ' + light;
            td.appendChild(dot);
          }
          td.appendChild(document.createTextNode(v));
          tr.appendChild(td);
        });
        const open = () => { window.location.href = '/cases/' + c.id; };
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
        body.appendChild(tr);
        if (focused === c.id) tr.focus({ preventScroll: true });
      });
      $('queue-total').textContent = result.totalCapped ? fmt(T.more, result.total.toLocaleString()) : fmt(T.total, result.total);
      $('page-info').textContent = fmt(T.page, page + 1);
      $('prev').disabled = page === 0;
      $('next').disabled = (page + 1) * SIZE >= result.total && !result.totalCapped;
      document.body.dataset.loaded = 'true';
    }).catch((body) => {
      $('queue-total').textContent = CG.refusal(body);
      document.body.dataset.loaded = 'true';
    });
  }

  $('queue-filters').addEventListener('submit', (e) => { e.preventDefault(); page = 0; load(); });
  $('queue-filters').querySelectorAll('input[name=queue]').forEach((r) => r.addEventListener('change', () => { page = 0; load(); }));
  $('prev').addEventListener('click', () => { if (page > 0) { page--; load(); } });
  $('next').addEventListener('click', () => { page++; load(); });
  CG.exportable('queue-table', T.title);
  load();

  // live, like the map: a change to a case in the user's territory reloads the page of results shown,
  // with the same filters and page (changes arriving together make one reload)
  const pending = new Set();
  let reload = null;
  function changedCase(id) {
    pending.add(id);
    clearTimeout(reload);
    reload = setTimeout(() => {
      const changed = new Set(pending);
      pending.clear();
      load(changed);
    }, 300);
  }
  if (window.EventSource) {
    const badge = $('queue-live');
    const source = new EventSource('/events/stream');
    source.addEventListener('hello', () => {
      badge.hidden = false;
      badge.classList.remove('off');
      badge.textContent = T.live;
      document.body.dataset.live = 'true';
    });
    source.addEventListener('case', (e) => changedCase(JSON.parse(e.data).caseId));
    source.onerror = () => {
      badge.classList.add('off');
      badge.textContent = T.liveOff;
      document.body.dataset.live = 'false';
    };
  }
})();

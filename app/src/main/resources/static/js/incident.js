// One incident's situation: the place on a map, the tasks by state (post, deadline in words, the buttons
// their holder may press), the responders by ring with their state and measured arrival, the log in
// order, and closing with the checklist (the button only once closing can succeed). Live: reloads on
// every change of this incident the console's stream hears.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const R = window.CG_RESPONSE;
  const T = R.words();
  const el = R.el;
  const id = cfg.incidentId;
  const page = document.getElementById('incident');
  const COLUMNS = ['OPEN', 'ACCEPTED', 'WAITING', 'DONE'];
  let current = null;

  const planName = (i) => CG.inLanguage(i.planNameZh, i.planNameEn);
  // people by the name their account is shown by; the platform's own steps in words
  const actor = (e) => (e.actor === 'system' ? T['actor.system'] : e.actorName || e.actor);
  const showError = CG.showMessage;

  // ---- the place ----
  let map = null;
  function place(i) {
    if (map || i.lon == null) return;
    const still = navigator.webdriver === true;
    map = L.map('incident-map', { attributionControl: false, zoomAnimation: !still, fadeAnimation: !still }).setView([i.lat, i.lon], 16);
    if (cfg.tiles) L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
    CG.json('/api/v1/public/geo/around.geojson?lon=' + i.lon + '&lat=' + i.lat).then((fc) => {
      L.geoJSON(fc, { style: (f) => ({ color: '#33d1ff', weight: f.properties.code === i.territoryCode ? 2.5 : 1, fillColor: '#1f6fd1',
        fillOpacity: f.properties.code === i.territoryCode ? 0.25 : 0.06 }) }).addTo(map);
      marker.bringToFront();
    }).catch(() => {});
    // the walking rings of the minimum response units: 1, 3 and 5 minutes at ~80 m a minute
    [[5, 400], [3, 240], [1, 80]].forEach(([ring, meters]) => L.circle([i.lat, i.lon], { radius: meters, color: '#ffb020', weight: 1,
      dashArray: '4 4', fill: false, interactive: false, className: 'walk-ring ring-' + ring }).addTo(map));
    const marker = L.circleMarker([i.lat, i.lon], { radius: 10, color: '#fff', weight: 2, fillColor: '#ff4d4f', fillOpacity: 0.95,
      className: 'incident-dot' }).bindTooltip(CG.lines(planName(i)), { className: 'unit-tip' }).addTo(map);
  }

  // ---- tasks by state ----
  function renderTasks(i) {
    const box = document.getElementById('tasks');
    box.replaceChildren(...COLUMNS.map((state) => {
      const col = el('section', 'task-column state-' + state);
      col.dataset.state = state;
      const tasks = i.tasks.filter((t) => t.state === state);
      col.append(el('h4', null, T['task.' + state] + ' · ' + tasks.length));
      const list = el('ul', 'task-list');
      tasks.forEach((t) => {
        const li = el('li', 'task' + (t.escalatedTo ? ' escalated' : ''));
        li.dataset.step = t.step;
        li.dataset.taskId = t.id;
        li.dataset.state = t.state;
        li.append(el('b', 'name', t.nameZh), el('span', 'post', R.postName(T, cfg.departments, t)),
          el('span', 'due', R.due(T, t)));
        const up = R.escalated(T, t);
        if (up) li.append(el('span', 'up', up));
        if (i.state === 'OPEN') {
          li.append(R.taskButtons(T, i.id, t, R.holds(cfg, t), load, (text) => showError('task-error', text)));
        }
        list.append(li);
      });
      if (tasks.length === 0) list.append(el('li', 'none', T.none));
      col.append(list);
      return col;
    }));
  }

  // ---- responders by ring ----
  function renderResponders(i) {
    const body = document.querySelector('#responders tbody');
    const rows = i.responders.slice().sort((a, b) => (a.ring - b.ring) || (a.walkingMinutes - b.walkingMinutes));
    body.replaceChildren(...rows.map((r) => {
      const tr = el('tr', 'responder state-' + r.state);
      tr.dataset.memberId = r.memberId;
      tr.dataset.state = r.state;
      tr.append(el('td', 'member', (r.name || r.memberId) + ' · ' + R.fill(T.walk, r.walkingMinutes.toFixed(1))),
        el('td', 'unit', r.unitName || r.unitCode),
        el('td', 'ring ring-' + r.ring, T['ring.' + r.ring]), el('td', 'state', T['responder.' + r.state]),
        el('td', null, r.arrivalSeconds == null ? '—' : R.arrival(T, r.arrivalSeconds)));
      return tr;
    }));
    if (rows.length === 0) {
      const tr = el('tr');
      const td = el('td', 'none', T.none);
      td.colSpan = 5;
      tr.append(td);
      body.append(tr);
    }
  }

  // ---- the log, in order ----
  function renderLog(i) {
    document.getElementById('log').replaceChildren(...i.log.map((e) => {
      const li = el('li');
      li.dataset.kind = e.kind;
      li.dataset.seq = e.seq;
      const step = e.step ? (i.tasks.find((t) => t.step === e.step) || {}).nameZh || e.step : null;
      li.append(el('span', 'when', CG.time(e.at) + ' '), el('span', 'what', T['kind.' + e.kind] || e.kind),
        el('span', 'detail', ' · ' + actor(e) + (step ? ' · ' + step : '')));
      return li;
    }));
  }

  // ---- closing: offered to a command center, enabled once every task is done, every item ticked and a summary written ----
  function renderClosing(i) {
    const closing = document.getElementById('closing');
    const box = document.getElementById('checklist');
    const button = document.getElementById('close-incident');
    if (i.state !== 'OPEN' || !cfg.mayCommand) {
      closing.hidden = i.state === 'OPEN';
      box.replaceChildren(...i.checklist.map((c) => el('div', 'check done', '✓ ' + CG.inLanguage(c.textZh, c.textEn))));
      button.hidden = true;
      document.getElementById('summary').hidden = true;
      closing.querySelector('label[for=summary]').hidden = true;
      return;
    }
    const ticked = new Set([...box.querySelectorAll('input:checked')].map((c) => c.value));
    box.replaceChildren(...i.checklist.map((c) => {
      const label = el('label', 'check');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = c.code;
      input.checked = ticked.has(c.code);
      input.addEventListener('change', () => enableClose(i));
      label.append(input, document.createTextNode(' ' + CG.inLanguage(c.textZh, c.textEn)));
      return label;
    }));
    button.hidden = false;
    enableClose(i);
  }
  function enableClose(i) {
    const all = [...document.querySelectorAll('#checklist input')];
    const ready = i.state === 'OPEN' && i.tasks.every((t) => t.state === 'DONE') && all.every((c) => c.checked)
      && document.getElementById('summary').value.trim() !== '';
    document.getElementById('close-incident').disabled = !ready;
  }
  document.getElementById('summary').addEventListener('input', () => current && enableClose(current));
  document.getElementById('close-incident').addEventListener('click', () => {
    const checklist = [...document.querySelectorAll('#checklist input:checked')].map((c) => c.value);
    R.post('/api/v1/incidents/' + encodeURIComponent(id) + '/close', { checklist, summary: document.getElementById('summary').value.trim() })
      .then(() => { showError('close-error', ''); return load(); }).catch((e) => showError('close-error', R.refusal(T, e)));
  });

  function render(i) {
    current = i;
    document.getElementById('incident-plan').textContent = planName(i);
    const state = document.getElementById('incident-state');
    state.textContent = T['state.' + i.state];
    state.className = 'state-tag ' + i.state;
    const unconfirmed = document.getElementById('incident-unconfirmed');
    unconfirmed.hidden = !(i.state === 'OPEN' && i.unconfirmedTasks > 0);
    unconfirmed.textContent = T.unconfirmed + ' ' + i.unconfirmedTasks;
    // the plan's page, at the version this incident copied
    const version = document.getElementById('incident-version');
    version.textContent = 'v' + i.planVersion + ' · ' + T['plans.viewPlan'];
    version.href = '/plans/' + encodeURIComponent(i.planCode) + '?version=' + i.planVersion;
    const caseLink = document.getElementById('incident-case');
    caseLink.href = '/cases/' + encodeURIComponent(i.caseId);
    if (!caseLink.textContent) {
      caseLink.textContent = T.case;
      CG.json('/api/v1/cases/' + encodeURIComponent(i.caseId)).then((c) => { caseLink.textContent = c.number; }).catch(() => {});
    }
    document.getElementById('incident-opened').textContent = CG.time(i.openedAt);
    document.getElementById('closed-row').hidden = !i.closedAt;
    document.getElementById('incident-closed').textContent = CG.time(i.closedAt);
    document.getElementById('summary-row').hidden = !i.summary;
    document.getElementById('incident-summary').textContent = i.summary || '';
    Object.assign(page.dataset, { state: i.state, unconfirmed: String(i.unconfirmedTasks) });
    place(i);
    renderTasks(i);
    renderResponders(i);
    renderLog(i);
    renderClosing(i);
  }

  function load() {
    showError('task-error', '');
    return CG.json('/api/v1/incidents/' + encodeURIComponent(id)).then((i) => {
      render(i);
      document.body.dataset.loaded = 'true';
    });
  }

  load();
  R.live((change) => { if (change.incidentId === id) load(); });
  // deadlines in words move on with the clock
  setInterval(() => { if (current) renderTasks(current); }, 30000);
})();

// The case desk: one case, its clock, its history, and the actions this user may take now. Each
// action opens in place and asks for what it needs; refusals are shown in the page's language from
// their stable code. Everything from the server reaches the page as text.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const words = cfg.t || {};
  const en = cfg.lang === 'en';
  const id = document.getElementById('desk').dataset.caseId;
  const $ = (sel) => document.querySelector(sel);
  const fmt = CG.time;
  const json = CG.json;
  const needsReason = new Set(cfg.needsReason || []);
  // actions done on site, where a photo belongs
  const WITH_PHOTO = new Set(['VERIFY', 'INVALIDATE', 'ACCEPT', 'RETURN', 'REPORT_BACK', 'CHECK_PASS', 'CHECK_FAIL',
    'REQUEST_POSTPONE', 'HANG', 'REPORT_IN']);
  let current = null;
  let departments = [];
  let openAction = null;
  let confirmed = null; // what the in-page confirmation runs on yes

  function t(key, arg) {
    const text = words[key] || key;
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function number(amount) {
    const n = Number(amount);
    return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(amount);
  }

  /** 4 WORK_HOURS → 4 个工作小时 / 4 working hours. */
  function clockWords(clock, amount) {
    return words['clock.' + clock] ? t('clock.' + clock, number(amount)) : number(amount) + ' ' + clock;
  }

  /** A limit as the API writes it ("4 WORK_HOURS") in words. */
  function limitWords(text) {
    const parts = String(text).trim().split(/\s+/);
    return parts.length === 2 ? clockWords(parts[1], parts[0]) : String(text);
  }

  function departmentName(d) {
    if (en) return d.nameEn + ' · ' + (d.unitName || t('ui.city'));
    return (d.unitName || t('ui.city')) + ' ' + d.nameZh;
  }

  /** 500104:SANITATION → 大渡口区 环境卫生管理 / Sanitation · 大渡口区. */
  function instanceName(instance) {
    const d = departments.find((x) => x.instance === instance);
    return d ? departmentName(d) : instance;
  }

  function refusalText(problem) {
    return CG.refusal(problem, words, 'refusal.');
  }

  function labelFacts() {
    $('#case-channel-label').textContent = t('ui.channel');
    $('#case-reported-label').textContent = t('ui.reportedAt');
    $('#case-pending-label').textContent = t('ui.pending');
    $('#case-whistle-label').textContent = t('ui.whistle');
    $('#case-merged-label').textContent = t('ui.mergedInto');
    $('#action-submit').textContent = t('ui.submit');
    $('#action-cancel').textContent = t('ui.cancel');
    $('#confirm-title').textContent = t('ui.confirmTitle');
    $('#confirm-no').textContent = t('ui.cancel');
    $('#department-label').textContent = t('ui.departmentChoose');
    $('#whistle-label').textContent = t('ui.whistleChoose');
    $('#merge-number-label').textContent = t('ui.mergeNumber');
    $('#extension-label').textContent = t('ui.extension');
    $('#rating-label').textContent = t('ui.rating');
  }

  function render(c) {
    current = c;
    document.body.dataset.state = c.state;
    $('#case-number').textContent = c.number;
    $('#case-state').textContent = cfg.states[c.state] || c.state;
    $('#case-state').dataset.state = c.state;
    const light = (c.stage && c.stage.light) || 'NONE';
    $('#case-light').className = 'dot ' + light;
    $('#case-light').dataset.light = light;
    $('#case-light').title = t('ui.light.' + light);
    $('#case-category').textContent = CG.inLanguage(c.category.nameZh, c.category.nameEn);
    $('#case-category').title = c.category.code;
    $('#case-urgent').hidden = !c.urgent;
    $('#case-urgent').textContent = t('ui.urgent');
    $('#case-description').textContent = c.description;
    $('#case-place').textContent = [c.place.districtName, c.place.streetName, c.place.gridName].filter(Boolean).join(' › ');
    $('#case-assignment').textContent = c.assignment ? instanceName(c.assignment) : '—';
    $('#case-deadline').textContent = c.stage && c.stage.deadline
      ? fmt(c.stage.deadline) + ' (' + clockWords(c.stage.clock, c.stage.limit) + ' · ' + t('ui.light.' + light) + ')' : '—';
    $('#case-level').textContent = cfg.levels[c.handlingLevel] || c.handlingLevel;
    $('#case-channel').textContent = t('channel.' + c.channel);
    $('#case-reported').textContent = fmt(c.reportedAt);
    $('#pending-row').hidden = !c.pendingPostponement;
    $('#case-pending').textContent = c.pendingPostponement ? '+ ' + limitWords(c.pendingPostponement) : '';
    const summoned = Object.keys(c.whistle || {});
    $('#whistle-row').hidden = summoned.length === 0;
    const list = el('ul', null, 'whistle-list');
    summoned.forEach((instance) => list.appendChild(el('li', instanceName(instance) + ' · '
      + t(c.whistle[instance] ? 'ui.whistle.in' : 'ui.whistle.out'))));
    $('#case-whistle').replaceChildren(list);
    $('#merged-row').hidden = !c.mergedInto;
    const merged = $('#case-merged');
    merged.replaceChildren();
    if (c.mergedInto) {
      const a = el('a', c.mergedInto);
      a.href = '/cases/' + encodeURIComponent(c.mergedInto);
      merged.appendChild(a);
    }
    renderActions(c);
  }

  function renderActions(c) {
    const actions = $('#actions');
    // a live update that changes nothing offered leaves the buttons alone (no button vanishes under a click)
    const offered = c.allowedActions.join(',');
    if (actions.dataset.offered === offered && actions.childElementCount === c.allowedActions.length) {
      if (openAction) markOpen();
      return;
    }
    actions.dataset.offered = offered;
    actions.replaceChildren();
    c.allowedActions.forEach((a) => {
      const b = el('button', cfg.actions[a] || a, 'action');
      b.type = 'button';
      b.dataset.action = a;
      b.addEventListener('click', () => openForm(a));
      actions.appendChild(b);
    });
    const none = c.allowedActions.length === 0;
    $('#no-actions').hidden = !none;
    $('#no-actions').textContent = t(cfg.readOnly ? 'ui.readOnly' : cfg.segmentReader ? 'ui.segmentReader' : 'ui.noActions');
    if (openAction && !c.allowedActions.includes(openAction)) closeForm();
    if (openAction) markOpen();
  }

  function markOpen() {
    document.querySelectorAll('#actions button').forEach((b) => b.classList.toggle('open', b.dataset.action === openAction));
  }

  function choice(type, name, value, text, hint, badge) {
    const label = el('label', null, 'choice');
    const input = document.createElement('input');
    input.type = type;
    input.name = name;
    input.value = value;
    label.appendChild(input);
    label.appendChild(el('span', text));
    if (badge) label.appendChild(el('span', badge, 'badge'));
    if (hint) label.appendChild(el('span', hint, 'hint'));
    return label;
  }

  /** The form of one action, asking only for what it needs. */
  function openForm(action) {
    const c = current;
    openAction = action;
    markOpen();
    $('#action-result').hidden = true;
    $('#action-error').hidden = true;
    $('#action-title').textContent = cfg.actions[action] || action;
    $('#action-form').dataset.action = action;
    const show = (fieldId, on) => { $(fieldId).hidden = !on; };
    show('#field-department', action === 'DISPATCH');
    show('#field-whistle', action === 'WHISTLE');
    show('#field-merge', action === 'MERGE');
    show('#field-extension', action === 'REQUEST_POSTPONE');
    show('#field-rating', action === 'EVALUATE');
    show('#field-photo', WITH_PHOTO.has(action));
    const required = needsReason.has(action);
    $('#reason-label').textContent = t(required ? 'ui.reasonRequired' : 'ui.reasonOptional');
    $('#reason').required = required;
    if (action === 'DISPATCH') {
      const select = $('#department');
      select.replaceChildren();
      departments.forEach((d) => {
        const opt = el('option', departmentName(d) + (d.suggested ? ' (' + t('ui.suggested') + ')' : ''));
        opt.value = d.code;
        opt.dataset.instance = d.instance;
        select.appendChild(opt);
      });
    }
    if (action === 'WHISTLE') {
      const box = $('#whistle-choices');
      box.replaceChildren();
      departments.filter((d) => d.instance !== c.assignment && !(d.instance in (c.whistle || {}))).forEach((d) => {
        box.appendChild(choice('checkbox', 'summon', d.code, departmentName(d), null, d.suggested ? t('ui.suggested') : null));
      });
    }
    if (action === 'MERGE') {
      const box = $('#merge-choices');
      box.replaceChildren();
      const dups = c.duplicateSuggestions || [];
      $('#merge-label').textContent = dups.length ? t('ui.mergeChoose') : t('ui.mergeNone');
      dups.forEach((s) => box.appendChild(choice('radio', 'merge-into', s.id, s.label,
        s.distanceMeters != null ? number(s.distanceMeters) + ' ' + t('ui.metres') : null)));
      $('#merge-number').value = '';
    }
    if (action === 'REQUEST_POSTPONE') {
      const clock = c.stage ? c.stage.clock : 'WORK_HOURS';
      $('#extension-unit').textContent = t('unit.' + clock);
      $('#extension').dataset.clock = clock;
      $('#extension').step = clock === 'WORK_DAYS' ? '1' : '0.5';
      $('#extension').min = clock === 'WORK_DAYS' ? '1' : '0.5';
    }
    $('#action-form').hidden = false;
    const first = $('#action-form').querySelector('.field:not([hidden]) select, .field:not([hidden]) input, textarea');
    if (first) first.focus();
  }

  function closeForm() {
    openAction = null;
    $('#action-form').hidden = true;
    $('#reason').value = '';
    $('#photo').value = '';
    $('#extension').value = '';
    markOpen();
  }

  function fail(message, code) {
    const box = $('#action-error');
    box.textContent = message;
    box.dataset.code = code || '';
    box.hidden = false;
  }

  /** What the open action sends, or null (with a message) when something it needs is missing. */
  function body(action) {
    const b = { expectedVersion: current.version };
    const reason = $('#reason').value.trim();
    if (reason) b.reason = reason;
    if (needsReason.has(action) && !reason) return fail(t('ui.needReason')), null;
    if (action === 'DISPATCH') b.department = $('#department').value;
    if (action === 'EVALUATE') b.rating = Number($('#rating').value);
    if (action === 'REQUEST_POSTPONE') {
      const amount = Number($('#extension').value);
      if (!(amount > 0)) return fail(t('ui.needExtension')), null;
      b.extension = amount;
    }
    if (action === 'WHISTLE') {
      b.departments = [...document.querySelectorAll('#whistle-choices input:checked')].map((i) => i.value);
      if (b.departments.length === 0) return fail(t('ui.needDepartments')), null;
    }
    if (action === 'MERGE') {
      const picked = document.querySelector('#merge-choices input:checked');
      const typed = $('#merge-number').value.trim();
      b.mergeInto = typed || (picked && picked.value);
      if (!b.mergeInto) return fail(t('ui.needMerge')), null;
    }
    return b;
  }

  function upload() {
    const file = WITH_PHOTO.has(openAction) ? $('#photo').files[0] : null;
    if (!file) return Promise.resolve();
    const form = new FormData();
    form.append('file', file);
    return json('/api/v1/cases/' + id + '/attachments', { method: 'POST', body: form });
  }

  function send(action, b) {
    const submit = $('#action-submit');
    submit.disabled = true;
    const path = action.toLowerCase().replace(/_/g, '-');
    upload().then(() => json('/api/v1/cases/' + id + '/actions/' + path, {
      method: 'POST', body: JSON.stringify(b), headers: { 'Content-Type': 'application/json' }
    })).then(() => {
      closeForm();
      return load().then(() => {
        const done = $('#action-result');
        done.textContent = t('ui.done', cfg.actions[action] || action);
        done.dataset.action = action;
        done.hidden = false;
      });
    }, (problem) => {
      fail(refusalText(problem), problem && problem.code);
      // someone else moved the case: show what it is now (the form stays open if the action still is offered)
      if (problem && (problem.code === 'STALE_VERSION' || problem.code === 'INVALID_TRANSITION' || problem.code === 'CONCURRENT_MODIFICATION')) {
        load();
      }
    }).finally(() => { submit.disabled = false; });
  }

  $('#action-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const action = openAction;
    if (!action) return;
    $('#action-error').hidden = true;
    const b = body(action);
    if (!b) return;
    if (action === 'INVALIDATE') {
      $('#confirm-text').textContent = t('ui.confirmInvalidate');
      $('#confirm-yes').textContent = t('ui.confirmYes');
      $('#confirm').hidden = false;
      confirmed = () => send(action, b);
      $('#confirm-no').focus();
      return;
    }
    send(action, b);
  });
  $('#confirm-yes').addEventListener('click', () => {
    $('#confirm').hidden = true;
    if (confirmed) confirmed();
    confirmed = null;
  });
  $('#confirm-no').addEventListener('click', () => { $('#confirm').hidden = true; confirmed = null; });
  $('#action-cancel').addEventListener('click', closeForm);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') $('#confirm').hidden = true; });

  /** One history entry in words: when, what, state change, who, and what it carried. */
  function entry(e) {
    let details = e.details || {};
    if (typeof details === 'string') {
      try { details = JSON.parse(details); } catch (ignored) { details = {}; }
    }
    if (details && details.value && typeof details.value === 'string') {
      try { details = JSON.parse(details.value); } catch (ignored) { /* keep */ }
    }
    const system = e.actor === 'system' && !e.actor_role;
    const li = el('li');
    li.dataset.action = e.action;
    li.appendChild(el('span', fmt(e.at), 'when'));
    li.appendChild(document.createTextNode(' · '));
    const what = cfg.actions[e.action] || words['action.' + e.action] || e.action;
    li.appendChild(el('span', what, 'what'));
    const from = e.from_state;
    const to = e.to_state;
    if (to && from !== to) {
      li.appendChild(document.createTextNode(' · ' + (from ? (cfg.states[from] || from) + ' → ' : '') + (cfg.states[to] || to)));
    }
    li.appendChild(document.createTextNode(' · ' + (system ? t('ui.system')
      : (e.actor_name || e.actor) + (e.actor_role ? ' (' + t('role.' + e.actor_role) + ')' : ''))));
    const facts = [];
    if (e.action === 'REPORT') facts.push(t('channel.' + current.channel));
    if (e.action === 'REPORT_JOINED' && details.channel) facts.push(t('channel.' + details.channel));
    if (details.to) facts.push(t('ui.to') + ' ' + instanceName(details.to));
    if (details.from && e.action === 'RETURN') facts.push(t('ui.from') + ' ' + instanceName(details.from));
    if (details.summoned) facts.push(t('ui.summoned') + ' ' + String(details.summoned).split(',').map(instanceName).join('、'));
    if (details.department) facts.push(t('ui.reportedIn') + ' ' + instanceName(details.department));
    if (details.extension) facts.push('+ ' + limitWords(details.extension));
    if (details.toLevel) facts.push(t('ui.escalatedTo') + ' ' + (cfg.levels[details.toLevel] || details.toLevel));
    if (details.escalatedTo) facts.push(t('ui.escalatedTo') + ' ' + (cfg.levels[details.escalatedTo] || details.escalatedTo));
    if (details.supervised === true) facts.push(t('ui.supervised'));
    if (details.rating) facts.push('★'.repeat(Number(details.rating)));
    if (system && words['auto.' + e.action]) facts.push(t('auto.' + e.action));
    // generated notes (channels, automatic steps) are said in words above; people's own reasons are shown as written
    const generated = system || e.action === 'REPORT' || e.action === 'REPORT_JOINED';
    if (e.reason && !generated) facts.push(e.reason);
    if (facts.length) li.appendChild(el('span', ' · ' + facts.join(' · '), 'detail'));
    return li;
  }

  function timeline() {
    json('/api/v1/cases/' + id + '/history').then((events) => {
      $('#timeline').replaceChildren(...events.map(entry));
    });
    json('/api/v1/cases/' + id + '/attachments').then((list) => {
      $('#photos').replaceChildren(...list.map((a) => {
        const img = document.createElement('img');
        img.src = '/api/v1/cases/' + id + '/attachments/' + a.id;
        img.alt = a.filename;
        return img;
      }));
    });
  }

  // where it is: the case's dot on the grids of its community
  const COLORS = { GREEN: '#36d399', YELLOW: '#ffb020', RED: '#ff4d4f', NONE: '#8fb3e8' };
  let miniMap = null;
  let dot = null;
  function place(c) {
    const light = (c.stage && c.stage.light) || 'NONE';
    if (!miniMap) {
      const still = navigator.webdriver === true;
      miniMap = L.map('case-map', { attributionControl: false, zoomAnimation: !still, fadeAnimation: !still })
        .setView([c.place.lat, c.place.lon], 16);
      if (cfg.tiles) L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(miniMap);
      json('/api/v1/public/geo/around.geojson?lon=' + c.place.lon + '&lat=' + c.place.lat).then((fc) => {
        L.geoJSON(fc, { style: (f) => ({ color: '#33d1ff', weight: f.properties.code === c.place.gridCode ? 2.5 : 1,
          fillColor: '#1f6fd1', fillOpacity: f.properties.code === c.place.gridCode ? 0.25 : 0.06 }) }).addTo(miniMap);
        dot.bringToFront();
      });
      dot = L.circleMarker([c.place.lat, c.place.lon], { radius: 9, color: '#fff', weight: 2, fillOpacity: 0.95 }).addTo(miniMap);
    }
    dot.setStyle({ fillColor: COLORS[light] });
  }

  function load() {
    return json('/api/v1/cases/' + id).then((c) => {
      render(c);
      place(c);
      timeline();
      document.body.dataset.loaded = 'true';
    });
  }

  labelFacts();
  json('/api/v1/cases/' + id + '/departments').then((list) => { departments = list; }, () => { departments = []; }).then(load);
  const source = new EventSource('/events/stream');
  source.addEventListener('case', (e) => { if (JSON.parse(e.data).caseId === id && !openAction) load(); });
})();

// One device: its details (the watched person as the API masks them for this user), latest values, a chart of
// the last 24 hours per key, its alarms with acknowledge / clear, and its rules (editable by administrators).
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const S = window.CG_SENSING;
  const id = cfg.deviceId;
  const base = '/api/v1/devices/' + encodeURIComponent(id);
  const $ = (x) => document.getElementById(x);
  const set = (x, v) => { $(x).textContent = v == null || v === '' ? '—' : String(v); };
  const td = (v, className) => {
    const el = document.createElement('td');
    if (className) el.className = className;
    el.textContent = v == null ? '' : String(v);
    return el;
  };
  const problem = (e) => CG.refusal(e);
  const theme = { textStyle: { color: '#d8e6ff' }, color: ['#33d1ff', '#36d399', '#ffb020', '#ff4d4f', '#a78bfa'] };
  const axis = { axisLine: { lineStyle: { color: '#1f6fd1' } }, splitLine: { lineStyle: { color: '#1f6fd133' } }, axisLabel: { color: '#9fc2f5' } };

  function loadDevice() {
    return CG.json(base).then((d) => {
      set('device-name', d.name);
      document.title = d.name + ' · ' + document.title;
      const state = $('device-state');
      state.textContent = S.word('states', d.state);
      state.className = 'state-badge state-' + d.state + (d.alarms.unacknowledged > 0 ? ' unacked' : '');
      set('device-profile', S.word('profiles', d.profile));
      set('fact-id', d.id);
      set('fact-place', [d.place.districtName, d.place.streetName, d.place.communityName, d.place.gridName].filter(Boolean).join(' · '));
      set('fact-owner', d.owner);
      set('fact-person', d.person && d.person.name);
      set('fact-phone', d.person && d.person.phone);
      set('fact-online', S.value(d.online));
      set('fact-lastContact', CG.time(d.lastContact));
      set('fact-registeredAt', CG.time(d.registeredAt));
      const latest = $('latest').querySelector('tbody');
      latest.textContent = '';
      Object.entries(d.latest || {}).forEach(([k, v]) => {
        const tr = document.createElement('tr');
        tr.dataset.key = k;
        tr.append(td(S.word('keys', k)), td(S.value(v), 'n'));
        latest.append(tr);
      });
      return d;
    });
  }

  // ---- the chart of the last 24 hours, one per key the device reports
  function charts(d) {
    const keys = [...new Set((d.keys || []).concat(Object.keys(d.latest || {})))];
    const box = $('charts');
    box.textContent = '';
    const now = Date.now();
    const since = now - 24 * 3600 * 1000;
    return Promise.all(keys.map((k) => CG.json(base + '/telemetry?hours=24&key=' + encodeURIComponent(k)).then((r) => {
      const points = r.items.filter((p) => p.number !== null && p.number !== undefined).map((p) => [p.ts, p.number]);
      if (!points.length) return 0;
      const wrap = document.createElement('div');
      wrap.className = 'chart-wrap';
      const h = document.createElement('h4');
      h.textContent = S.word('keys', k);
      const el = document.createElement('div');
      el.className = 'echart';
      el.dataset.key = k;
      el.dataset.points = String(points.length);
      wrap.append(h, el);
      box.append(wrap);
      const binary = points.every((p) => p[1] === 0 || p[1] === 1);
      const c = echarts.init(el, null, { renderer: 'canvas' });
      c.setOption(Object.assign({ backgroundColor: 'transparent', animation: !navigator.webdriver, tooltip: { trigger: 'axis', renderMode: 'richText' },
        grid: { left: 40, right: 16, top: 12, bottom: 24 },
        xAxis: Object.assign({ type: 'time', min: since, max: now, splitNumber: 6 }, axis, { axisLabel: { color: '#9fc2f5', hideOverlap: true,
          formatter: (v) => new Date(v).toLocaleTimeString(cfg.lang === 'en' ? 'en-GB' : 'zh-CN',
            { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }) } }), yAxis: Object.assign({ type: 'value', scale: !binary, max: binary ? 1 : null }, axis),
        series: [{ name: S.word('keys', k), type: 'line', step: binary ? 'end' : false, showSymbol: points.length < 60, data: points,
          areaStyle: { opacity: 0.12 } }] }, theme));
      // the grid re-flows as later charts arrive: each chart follows its own box
      new ResizeObserver(() => c.resize()).observe(el);
      return 1;
    }).catch(() => 0))).then((drawn) => {
      const n = drawn.reduce((a, b) => a + b, 0);
      box.dataset.charts = String(n);
      if (!n) {
        const p = document.createElement('p');
        p.className = 'note';
        p.textContent = S.text('chart.none');
        box.append(p);
      }
    });
  }

  // ---- alarms with their buttons
  function button(label, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.addEventListener('click', () => { b.disabled = true; onClick().finally(() => { b.disabled = false; }); });
    return b;
  }
  function change(alarmId, what) {
    $('alarm-error').hidden = true;
    return CG.json('/api/v1/alarms/' + alarmId + '/' + what, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      .then(() => Promise.all([loadAlarms(), loadDevice()]))
      .catch((e) => { $('alarm-error').textContent = problem(e); $('alarm-error').hidden = false; });
  }
  function loadAlarms() {
    return CG.json('/api/v1/alarms?active=false&limit=50&deviceId=' + encodeURIComponent(id)).then((r) => {
      const body = $('alarms').querySelector('tbody');
      body.textContent = '';
      if (!r.items.length) {
        const tr = document.createElement('tr');
        const cell = td(S.text('alarms.none'), 'note');
        cell.colSpan = 5;
        tr.append(cell);
        body.append(tr);
      }
      r.items.forEach((a) => {
        const tr = document.createElement('tr');
        tr.dataset.alarmId = String(a.id);
        tr.dataset.status = a.status;
        tr.className = 'severity-' + a.severity + ' status-' + a.status;
        const acts = td('', 'actions-cell');
        if (!cfg.readOnly) {
          if (!a.acknowledgedAt) acts.append(button(S.text('ack'), 'ack', () => change(a.id, 'ack')));
          if (!a.clearedAt) acts.append(button(S.text('clear'), 'clear secondary', () => change(a.id, 'clear')));
        }
        if (a.acknowledgedBy) acts.append(document.createTextNode(' ' + S.text('acked', a.acknowledgedByName || a.acknowledgedBy)));
        tr.append(td(S.word('alarmTypes', a.type)), td(S.word('severities', a.severity), 'severity'), td(S.word('statuses', a.status), 'status'),
          td(CG.time(a.startedAt)), acts);
        body.append(tr);
      });
      $('alarms').dataset.loaded = String(r.items.length);
    });
  }

  // ---- rules: in words for everybody, as JSON for administrators
  function showRules(view) {
    set('rules-source', S.word('sources', view.source));
    const list = $('rules');
    list.textContent = '';
    view.rules.forEach((r) => {
      const li = document.createElement('li');
      li.dataset.alarmType = r.alarmType;
      li.append(CG.lines(...S.ruleLines(r)));
      list.append(li);
    });
    if (!view.rules.length) list.append(Object.assign(document.createElement('li'), { textContent: S.text('rule.none') }));
    if ($('rules-json')) $('rules-json').value = JSON.stringify(view.rules, null, 2);
  }
  function loadRules() {
    return CG.json(base + '/rules').then(showRules);
  }
  function saved(view) {
    showRules(view);
    $('rules-ok').hidden = false;
    return Promise.all([loadAlarms(), loadDevice()]);
  }
  function failed(e) {
    $('rules-error').textContent = problem(e);
    $('rules-error').hidden = false;
  }
  const editor = $('rules-editor');
  if (editor) {
    editor.addEventListener('submit', (e) => {
      e.preventDefault();
      $('rules-error').hidden = true;
      $('rules-ok').hidden = true;
      let rules;
      try {
        rules = JSON.parse($('rules-json').value);
      } catch (err) {
        failed({ code: 'NOT_JSON' });
        return;
      }
      CG.json(base + '/rules', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rules, reason: $('rules-reason').value }) }).then(saved).catch(failed);
    });
    $('rules-reset').addEventListener('click', () => {
      $('rules-error').hidden = true;
      $('rules-ok').hidden = true;
      CG.json(base + '/rules?reason=' + encodeURIComponent($('rules-reason').value), { method: 'DELETE' }).then(saved).catch(failed);
    });
  }

  // ---- live: this device's alarms as they change
  const source = new EventSource('/events/stream');
  source.addEventListener('hello', () => { document.body.dataset.live = 'true'; });
  source.addEventListener('alarm', (e) => {
    const a = JSON.parse(e.data);
    if (a.deviceId === id) { loadAlarms(); loadDevice(); }
  });

  loadDevice().then((d) => Promise.all([charts(d), loadAlarms(), loadRules()]))
    .then(() => { document.body.dataset.ready = 'true'; })
    .catch((e) => { set('device-name', problem(e)); });
})();

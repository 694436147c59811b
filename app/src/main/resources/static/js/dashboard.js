// Dashboards: what came in, from where, what is late, and where one kind of problem keeps returning.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const root = document.getElementById('dashboard');
  const theme = { textStyle: { color: '#d8e6ff' }, color: ['#33d1ff', '#36d399', '#ffb020', '#ff4d4f', '#a78bfa', '#1f6fd1', '#f472b6'] };
  const axis = { axisLine: { lineStyle: { color: '#1f6fd1' } }, splitLine: { lineStyle: { color: '#1f6fd133' } } };
  const pct = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
  const time = CG.time;

  function chart(id, option) {
    const c = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    // no growing animation under automation, so screenshots show the settled charts
    // tooltips drawn on the canvas: no HTML from data, and no inline styles for the Content-Security-Policy to refuse
    c.setOption(Object.assign({ backgroundColor: 'transparent', tooltip: { renderMode: 'richText' }, animation: !navigator.webdriver },
      theme, option));
    window.addEventListener('resize', () => c.resize());
  }

  function pie(id, entries) {
    chart(id, { series: [{ type: 'pie', radius: ['40%', '70%'], data: entries.map(([name, value]) => ({ name, value })),
      label: { color: '#d8e6ff' } }] });
  }

  function table(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.innerHTML = '';
    rows.forEach((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((v) => { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
  }

  /** Days folded into weeks starting on Monday (the city's working week). */
  function weeks(days) {
    const byWeek = new Map();
    days.forEach((d) => {
      const date = new Date(d.day + 'T00:00:00Z');
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      const key = date.toISOString().slice(5, 10);
      const w = byWeek.get(key) || { week: key, reported: 0, closed: 0 };
      w.reported += d.reported;
      w.closed += d.closed;
      byWeek.set(key, w);
    });
    return [...byWeek.values()];
  }

  /** Where one category piles up (the manhole-cover story): its hotspot grids as circles sized by their counts. */
  function hotspotMap(hotspots) {
    const el = document.getElementById('hotspot-map');
    const still = navigator.webdriver === true;
    const map = L.map(el, { attributionControl: false, zoomAnimation: !still, fadeAnimation: !still }).setView([29.56, 106.55], 9);
    CG.json('/api/v1/geo/tree').then((units) => units.length && CG.json('/api/v1/geo/units/' + units[0].code + '/children.geojson?zoom=11'))
      .then((fc) => { if (fc) L.geoJSON(fc, { style: () => ({ color: '#33d1ff', weight: 1, fillOpacity: 0.05 }) }).addTo(map); });
    const max = Math.max(1, ...hotspots.map((h) => h.count));
    Promise.all(hotspots.map((h) => CG.json('/api/v1/geo/units/' + h.code).then((u) => ({ h, u })).catch(() => null))).then((found) => {
      const circles = found.filter(Boolean).map(({ h, u }) => L.circleMarker([u.centroidLat, u.centroidLon], {
        radius: 6 + 18 * Math.sqrt(h.count / max), color: '#fff', weight: 1, fillColor: '#ff4d4f', fillOpacity: 0.75, className: 'hotspot'
      }).bindTooltip(CG.lines(h.name + ' · ' + h.count)).addTo(map));
      if (circles.length) map.fitBounds(L.featureGroup(circles).getBounds().pad(0.6), { maxZoom: 14 });
      el.dataset.hotspots = String(circles.length);
    });
  }

  CG.exportable('overdue', cfg.lang === 'en' ? 'overdue cases' : '超时案件');
  CG.exportable('hotspots', cfg.lang === 'en' ? 'hotspot grids' : '高发网格');
  CG.exportable('categories', cfg.lang === 'en' ? 'categories' : '问题类别');
  // categories by name in the page's language from the catalog (retired ones too: old cases keep theirs); the stats' own
  // Chinese names stand in if the catalog cannot be read
  const categoryNames = CG.json('/api/v1/catalog/categories?includeRetired=true')
    .then((list) => new Map(list.map((c) => [c.code, CG.inLanguage(c.nameZh, c.nameEn)]))).catch(() => new Map());
  Promise.all([CG.json('/api/v1/cases/stats?from=' + root.dataset.from + '&to=' + root.dataset.to), categoryNames])
    .then(([s, names]) => {
      s.byCategory.forEach((c) => { c.name = names.get(c.code) || c.name; });
      const r = s.rates || {};
      document.getElementById('kpi-reported').textContent = r.reported || 0;
      ['onTimeDisposalRate', 'closureRate', 'satisfactionRate', 'overdueRate'].forEach((k) => {
        document.getElementById('kpi-' + k).textContent = pct(r[k]);
      });
      chart('chart-day', { legend: { textStyle: { color: '#d8e6ff' } }, xAxis: Object.assign({ type: 'category', data: s.byDay.map((d) => d.day) }, axis),
        yAxis: Object.assign({ type: 'value' }, axis),
        series: [{ name: cfg.lang === 'en' ? 'reported' : '上报', type: 'line', smooth: true, data: s.byDay.map((d) => d.reported) },
          { name: cfg.lang === 'en' ? 'closed' : '结案', type: 'bar', data: s.byDay.map((d) => d.closed) }] });
      // every category named (interval 0), long names cut to the axis' width rather than dropped or overlapping
      chart('chart-category', { grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true }, xAxis: Object.assign({ type: 'value' }, axis),
        yAxis: Object.assign({ type: 'category', inverse: true, data: s.byCategory.map((c) => c.name),
          axisLabel: { interval: 0, width: 150, overflow: 'truncate', color: '#d8e6ff' }, axisTick: { interval: 0 } }, axis),
        series: [{ type: 'bar', barMaxWidth: 16, data: s.byCategory.map((c) => c.count), label: { show: true, position: 'right', color: '#d8e6ff' } }] });
      pie('chart-state', Object.entries(s.byState).map(([k, v]) => [cfg.states[k] || k, v]));
      pie('chart-channel', Object.entries(s.byChannel).map(([k, v]) => [(cfg.channels || {})[k] || k, v]));
      document.getElementById('hotspot-category').textContent = names.get(s.hotspotCategory) || s.hotspotCategory;
      chart('chart-week', { legend: { textStyle: { color: '#d8e6ff' } },
        xAxis: Object.assign({ type: 'category', data: weeks(s.byDay).map((w) => w.week) }, axis), yAxis: Object.assign({ type: 'value' }, axis),
        series: [{ name: cfg.lang === 'en' ? 'reported' : '上报', type: 'bar', data: weeks(s.byDay).map((w) => w.reported) },
          { name: cfg.lang === 'en' ? 'closed' : '结案', type: 'bar', data: weeks(s.byDay).map((w) => w.closed) }] });
      table('hotspots', s.hotspots.map((h) => [h.name, h.code, h.count]));
      hotspotMap(s.hotspots);
      const overdue = s.overdue.map((o) => [o.number, names.get(o.categoryCode) || o.categoryCode, o.gridCode, time(o.deadline)]);
      table('overdue', overdue);
      table('categories', s.byCategory.map((c) => [c.name, c.code, c.count]));
      root.dataset.ready = 'true';
    });
  // ---- grid duty: today's completion per worker, grid, community or street of the user's territory, and
  // yesterday's tasks left open (the community's and street's list); names in words from the API
  (function duty() {
    const D = cfg.duty || {};
    const panel = document.getElementById('duty-completion');
    const overduePanel = document.getElementById('duty-overdue');
    if (!panel) return;
    const DEFAULT_LEVEL = { CITY: 'street', DISTRICT: 'street', STREET: 'community', COMMUNITY: 'grid', GRID: 'worker' };
    CG.exportable('duty-completion-table', D.completionTitle || 'duty');
    CG.exportable('duty-overdue-table', D.overdueTitle || 'overdue tasks');
    function empty(id, text) {
      const body = document.querySelector('#' + id + ' tbody');
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 5;
      td.className = 'empty';
      td.textContent = text;
      tr.appendChild(td);
      body.replaceChildren(tr);
    }
    function show(unit, level) {
      panel.querySelectorAll('[data-level]').forEach((b) => b.classList.toggle('active', b.dataset.level === level));
      panel.dataset.level = level;
      return CG.json('/api/v1/duty/completion?unit=' + unit + '&by=' + level).then((r) => {
        // lowest rate first: who needs a call
        const rows = r.items.slice().sort((a, b) => a.rate - b.rate || b.total - a.total);
        table('duty-completion-table', rows.map((c) => [c.name || c.key, c.done, c.total, pct(c.rate), c.flagged]));
        if (!rows.length) empty('duty-completion-table', D.rowsEmpty);
        panel.dataset.ready = 'true';
      }).catch(() => { panel.hidden = true; });
    }
    CG.json('/api/v1/geo/tree').then((units) => {
      if (!units.length) { panel.hidden = true; overduePanel.hidden = true; return; }
      const root = units[0];
      panel.querySelectorAll('[data-level]').forEach((b) => b.addEventListener('click', () => show(root.code, b.dataset.level)));
      show(root.code, DEFAULT_LEVEL[root.level] || 'grid');
      CG.json('/api/v1/duty/overdue?unit=' + root.code).then((r) => {
        table('duty-overdue-table', r.items.map((t) => [t.gridName, t.worker, CG.inLanguage(t.titleZh, t.titleEn), t.date]));
        if (!r.items.length) empty('duty-overdue-table', D.overdueEmpty);
        document.getElementById('duty-overdue-count').textContent = r.items.length ? '(' + r.items.length + ')' : '';
        overduePanel.dataset.ready = 'true';
      }).catch(() => { overduePanel.hidden = true; });
    });
  })();
})();

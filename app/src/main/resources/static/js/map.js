// The big screen: the user's territory on an offline basemap (outlines, names and roads by zoom level),
// its open cases as counts per territory unit when zoomed out and as dots coloured by their stage light
// when zoomed in, the figures a command center's wall shows, and a live ticker of urgent items.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const T = cfg.text;
  const json = CG.json;
  const mapEl = document.getElementById('map');
  // no animations under automation: screenshots show the settled map
  const still = navigator.webdriver === true;
  const map = L.map('map', { zoomControl: true, attributionControl: false, maxZoom: 19, zoomAnimation: !still, fadeAnimation: !still,
    markerZoomAnimation: !still }).setView([29.56, 106.55], 9);
  if (cfg.tiles) {
    L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
  }
  // Drawing order, bottom to top: outlines, roads, names, cameras and other devices (marker pane), counts and dots.
  [['outlines', 350], ['roads', 380], ['labels', 450], ['dots', 620], ['counts', 630]].forEach(([name, z]) => {
    map.createPane(name).style.zIndex = String(z);
  });
  map.getPane('labels').style.pointerEvents = 'none';

  // Zoom levels of the basemap: a level's outlines are drawn from SHOW_FROM on, its names until LABEL_UNTIL.
  const LEVELS = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'GRID'];
  const SHOW_FROM = { DISTRICT: 0, STREET: 11, COMMUNITY: 14 };
  const LABEL_UNTIL = { DISTRICT: 11, STREET: 14, COMMUNITY: 20 };
  const SIMPLIFY = { CITY: 8, DISTRICT: 11, STREET: 13, COMMUNITY: 15 };
  const ROADS_FROM = 13;
  /** Below this zoom open cases are counted per district (COUNT_LEVEL) or street; from it on they are dots. */
  const DOTS_FROM = 13;
  const countLevel = (zoom) => (zoom < SHOW_FROM.STREET ? 'DISTRICT' : zoom < DOTS_FROM ? 'STREET' : null);
  const COLORS = { GREEN: '#36d399', YELLOW: '#ffb020', RED: '#ff4d4f', NONE: '#8fb3e8' };
  const OUTLINE = { DISTRICT: { color: '#33d1ff', weight: 1.6 }, STREET: { color: '#2b9fe0', weight: 1 },
    COMMUNITY: { color: '#5b7fb8', weight: 0.8, dashArray: '3 3' } };
  const CLOSED = ['CLOSED', 'EVALUATED', 'INVALID', 'MERGED'];
  const RANK = { RED: 3, YELLOW: 2, GREEN: 1, NONE: 0 };
  const pct = (v) => (v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%');
  const debounce = (fn, ms) => { let t = null; return () => { clearTimeout(t); t = setTimeout(fn, ms); }; };
  const text = (tag, className, value) => {
    const el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value == null ? '' : String(value);
    return el;
  };
  /** A cell that never wraps: cut with an ellipsis by CSS, the whole text in its title. */
  const cell = (tag, className, value) => { const el = text(tag, className, value); el.title = el.textContent; return el; };

  let root = null; // the user's territory: {code, name, level}

  // ---- basemap: outlines and names per level, loaded for what is in view -------------------------------
  const levelLayers = {};
  function levelOf(level) {
    if (!levelLayers[level]) {
      levelLayers[level] = { outlines: L.layerGroup(), labels: L.layerGroup() };
    }
    return levelLayers[level];
  }
  const units = new Map(); // code -> {code, name, level, childCount, bounds, centroid}
  const childrenLoading = new Map();

  function loadChildren(parent) {
    if (!childrenLoading.has(parent.code)) {
      childrenLoading.set(parent.code, json('/api/v1/geo/units/' + parent.code + '/children.geojson?zoom=' + (SIMPLIFY[parent.level] || 15))
        .then((fc) => fc.features.forEach(addUnit)));
    }
    return childrenLoading.get(parent.code);
  }

  function addUnit(f) {
    const p = f.properties;
    if (units.has(p.code)) return;
    const group = levelOf(p.level);
    const shape = L.geoJSON(f, { pane: 'outlines',
      style: () => Object.assign({ className: 'unit-shape level-' + p.level, fillColor: '#1f6fd1', fillOpacity: p.level === 'DISTRICT' ? 0.08 : 0.04 },
        OUTLINE[p.level] || OUTLINE.COMMUNITY) });
    shape.eachLayer((l) => {
      l.bindTooltip(CG.lines(p.name), { sticky: true, className: 'unit-tip' });
      l.on('click', () => showUnit(p.code));
    });
    shape.addTo(group.outlines);
    const bounds = shape.getBounds();
    const unit = { code: p.code, name: p.name, level: p.level, childCount: p.childCount, bounds,
      centroid: L.latLng(p.centroid[1], p.centroid[0]),
      size: (bounds.getNorth() - bounds.getSouth()) * (bounds.getEast() - bounds.getWest()) };
    units.set(p.code, unit);
    const name = text('span', null, p.name);
    L.marker(unit.centroid, { pane: 'labels', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'map-label level-' + p.level, html: name, iconSize: null }) })
      .on('add', function () { Object.assign(this.getElement().dataset, { code: p.code, size: String(unit.size) }); })
      .addTo(group.labels);
  }

  /** Draws the levels the zoom asks for and loads the children of the units in view that the zoom reaches. */
  function refreshBasemap() {
    const zoom = map.getZoom();
    const view = map.getBounds().pad(0.2);
    const loads = [];
    units.forEach((u) => {
      const below = LEVELS[LEVELS.indexOf(u.level) + 1];
      if (SHOW_FROM[below] !== undefined && zoom >= SHOW_FROM[below] && u.childCount > 0 && !childrenLoading.has(u.code)
        && view.intersects(u.bounds)) {
        loads.push(loadChildren(u));
      }
    });
    Object.keys(levelLayers).forEach((level) => {
      const l = levelLayers[level];
      const rootLevel = root && LEVELS.indexOf(level) === LEVELS.indexOf(root.level) + 1; // the territory's own parts: always
      toggle(l.outlines, rootLevel || zoom >= SHOW_FROM[level]);
      toggle(l.labels, (rootLevel || zoom >= SHOW_FROM[level]) && zoom < LABEL_UNTIL[level]);
    });
    return Promise.all(loads).then(() => (loads.length ? refreshBasemap() : declutter()));
  }
  /**
   * Names that would overlap: the name of the unit with more open cases stays, then the larger unit's;
   * the others wait for a closer zoom.
   */
  function declutter() {
    const placed = [];
    [...mapEl.querySelectorAll('.map-label')].map((el) => ({ el, open: counted.get(el.dataset.code) || 0, size: Number(el.dataset.size || 0) }))
      .sort((a, b) => (b.open - a.open) || (b.size - a.size)).forEach(({ el }) => {
        el.classList.remove('clash');
        const r = el.firstElementChild.getBoundingClientRect();
        const box = { l: r.left - 2, r: r.right + 2, t: r.top - 1, b: r.bottom + 1 };
        if (placed.some((o) => box.l < o.r && box.r > o.l && box.t < o.b && box.b > o.t)) el.classList.add('clash');
        else placed.push(box);
      });
  }
  // a layer switched off in the layers control stays off whatever the zoom asks
  const switchedOff = new Set();
  map.on('overlayremove', (e) => switchedOff.add(e.layer));
  map.on('overlayadd', (e) => switchedOff.delete(e.layer));
  function toggle(layer, on) {
    if (on && !map.hasLayer(layer) && !switchedOff.has(layer)) layer.addTo(map);
    if (!on && map.hasLayer(layer)) map.removeLayer(layer);
  }

  // roads: the road segments of each district (or the street) in view, from ROADS_FROM on
  const roadLayer = L.layerGroup();
  const roadsLoading = new Set();
  function refreshRoads() {
    const on = map.getZoom() >= ROADS_FROM;
    toggle(roadLayer, on);
    if (!on || !root) return Promise.resolve();
    const view = map.getBounds();
    const holders = root.level === 'CITY' ? [...units.values()].filter((u) => u.level === 'DISTRICT' && view.intersects(u.bounds))
      : root.level === 'DISTRICT' || root.level === 'STREET' ? [root] : [];
    return Promise.all(holders.filter((u) => !roadsLoading.has(u.code)).map((u) => {
      roadsLoading.add(u.code);
      return json('/api/v1/geo/units/' + u.code + '/roads.geojson').then((fc) => {
        L.geoJSON(fc, { pane: 'roads', interactive: true, style: () => ({ className: 'road', color: '#7f93b3', weight: 2, opacity: 0.8 }),
          onEachFeature: (f, l) => l.bindTooltip(CG.lines(f.properties.name + ' · ' + f.properties.sequence), { sticky: true, className: 'unit-tip' }) })
          .addTo(roadLayer);
        mapEl.dataset.roads = String(roadLayer.getLayers().reduce((n, g) => n + g.getLayers().length, 0));
      }).catch(() => roadsLoading.delete(u.code));
    }));
  }

  // the breadcrumb: the territory, and the unit last clicked with the units above it
  function showUnit(code) {
    const u = units.get(code);
    if (!u) return;
    if (u.childCount > 0) map.fitBounds(u.bounds, { padding: [10, 10] });
    renderBreadcrumb(u);
  }
  function renderBreadcrumb(u) {
    const el = document.getElementById('breadcrumb');
    el.replaceChildren();
    const trail = [root];
    for (let len = root.code === '500000' ? 6 : root.code.length + 3; u && len <= u.code.length; len += 3) {
      const step = units.get(u.code.slice(0, len));
      if (step && step.code !== root.code) trail.push(step);
    }
    trail.forEach((step, i) => {
      const a = text('a', null, step.name);
      a.href = '#';
      a.dataset.code = step.code;
      a.addEventListener('click', (e) => { e.preventDefault(); step === root ? fitRoot() : showUnit(step.code); });
      el.appendChild(a);
      if (i < trail.length - 1) el.appendChild(document.createTextNode(' › '));
    });
    mapEl.dataset.unit = trail[trail.length - 1].code;
  }
  function fitRoot() {
    const parts = [...units.values()].filter((u) => LEVELS.indexOf(u.level) === LEVELS.indexOf(root.level) + 1);
    if (parts.length) map.fitBounds(parts.reduce((b, u) => b.extend(u.bounds), L.latLngBounds(parts[0].bounds.getSouthWest(),
      parts[0].bounds.getNorthEast())), { padding: [10, 10] });
    renderBreadcrumb(root);
  }

  // ---- open cases counted per unit when zoomed out ------------------------------------------------------
  const countLayer = L.layerGroup().addTo(map);
  const counted = new Map(); // unit code -> open cases, for the units with a count drawn
  const totals = { GREEN: 0, YELLOW: 0, RED: 0, NONE: 0, all: 0 };
  const worstOf = (c) => (c.red > 0 ? 'RED' : c.yellow > 0 ? 'YELLOW' : c.green > 0 ? 'GREEN' : 'NONE');

  function openCounts(level) {
    return json('/api/v1/cases/open-counts?territory=' + root.code + '&level=' + level);
  }
  /** The totals (always) and, below DOTS_FROM, a labelled circle per district or street. */
  function refreshCounts() {
    if (!root) return Promise.resolve();
    const level = countLevel(map.getZoom());
    const totalLevel = level || 'DISTRICT';
    return Promise.all([openCounts(totalLevel), level && level !== totalLevel ? openCounts(level) : null]).then(([all, byLevel]) => {
      Object.keys(totals).forEach((k) => { totals[k] = 0; });
      all.forEach((c) => { totals.GREEN += c.green; totals.YELLOW += c.yellow; totals.RED += c.red; totals.NONE += c.none; totals.all += c.open; });
      renderTotals();
      drawCounts(level, level ? (byLevel || all) : []);
    });
  }
  function drawCounts(level, counts) {
    countLayer.clearLayers();
    counted.clear();
    mapEl.dataset.counts = level || 'dots';
    // the names of the counted units move below their circles
    ['DISTRICT', 'STREET'].forEach((k) => mapEl.classList.toggle('counts-' + k, level === k));
    const max = Math.max(1, ...counts.map((c) => c.open));
    counts.filter((c) => c.open > 0).forEach((c) => {
      counted.set(c.code, c.open);
      const d = Math.round(30 + 26 * Math.sqrt(c.open / max));
      const bubble = document.createElement('div');
      bubble.className = 'bubble';
      bubble.append(text('b', 'n', c.open));
      if (c.red > 0) bubble.append(text('span', 'late', '⚠ ' + c.red));
      const m = L.marker([c.lat, c.lon], { pane: 'counts', keyboard: false,
        icon: L.divIcon({ className: 'open-count level-' + level + ' light-' + worstOf(c), html: bubble, iconSize: [d, d] }) });
      m.on('add', () => Object.assign(m.getElement().dataset, { code: c.code, open: String(c.open), red: String(c.red) }));
      m.bindTooltip(CG.lines(c.name, T.open + ' ' + c.open + ' · ' + T.lights.RED + ' ' + c.red + ' · ' + T.lights.YELLOW + ' ' + c.yellow
        + ' · ' + T.urgent + ' ' + c.urgent), { className: 'unit-tip' });
      m.on('click', () => { const u = units.get(c.code); u ? showUnit(c.code) : map.setView([c.lat, c.lon], map.getZoom() + 2); });
      m.addTo(countLayer);
    });
  }
  function renderTotals() {
    ['GREEN', 'YELLOW', 'RED'].forEach((k) => { document.getElementById('count-' + k).textContent = totals[k]; });
    document.getElementById('count-all').textContent = totals.all;
  }

  // ---- open cases as dots when zoomed in: overlapping dots cluster, whatever their number -----------------
  const markers = new Map();
  const dots = new Map();
  const dotLayer = L.markerClusterGroup({ clusterPane: 'dots', chunkedLoading: true, showCoverageOnHover: false,
    maxClusterRadius: 22, spiderfyOnMaxZoom: true,
    iconCreateFunction: (cluster) => {
      const worst = cluster.getAllChildMarkers().reduce((w, m) => (RANK[m.options.light] > RANK[w] ? m.options.light : w), 'NONE');
      const n = cluster.getChildCount();
      return L.divIcon({ html: text('span', null, n), className: 'case-cluster light-' + worst, iconSize: [n > 999 ? 52 : n > 99 ? 44 : 36, 36] });
    } });
  mapEl.dataset.clustered = 'true';
  const dotsLoading = new Map(); // territory code -> promise

  function light(c) { return (c.stage && c.stage.light) || 'NONE'; }
  function dotOf(c) {
    return { id: c.id, number: c.number, lat: c.place.lat, lon: c.place.lon, light: light(c), urgent: c.urgent, state: c.state };
  }
  /** Territories whose dots the view needs: each district in view for the city, the territory itself otherwise. */
  function dotHolders() {
    if (root.level !== 'CITY') return [root.code];
    const view = map.getBounds();
    return [...units.values()].filter((u) => u.level === 'DISTRICT' && view.intersects(u.bounds)).map((u) => u.code);
  }
  const holderOf = (gridCode) => (root.level === 'CITY' ? gridCode.slice(0, 6) : root.code);

  function refreshDots() {
    const on = countLevel(map.getZoom()) === null;
    toggle(dotLayer, on);
    if (!on || !root) return Promise.resolve();
    return Promise.all(dotHolders().map((code) => {
      if (!dotsLoading.has(code)) {
        dotsLoading.set(code, json('/api/v1/cases/points?territory=' + code).then((points) => addDots(points, code)));
      }
      return dotsLoading.get(code);
    }));
  }
  function reloadDots() {
    const codes = [...dotsLoading.keys()];
    dotsLoading.clear();
    return Promise.all(codes.map((code) => {
      const p = json('/api/v1/cases/points?territory=' + code).then((points) => {
        const seen = new Set(points.map((d) => d.id));
        [...dots.values()].filter((d) => d.holder === code && !seen.has(d.id)).forEach((d) => removeDot(d.id));
        return addDots(points, code);
      });
      dotsLoading.set(code, p);
      return p;
    }));
  }

  function markerOf(d) {
    const m = L.circleMarker([d.lat, d.lon], { pane: 'dots', radius: d.urgent ? 9 : 7, color: '#ffffff', weight: 1.5,
      fillColor: COLORS[d.light], fillOpacity: 0.95, light: d.light });
    m.on('add', () => decorate(m, dots.get(d.id)));
    m.on('click', () => { window.location.href = '/cases/' + d.id; });
    // the tooltip is made when the pointer comes: thousands of dots should not each carry one
    m.on('mouseover', () => {
      const now = dots.get(d.id) || d;
      m.bindTooltip(CG.lines(now.number + ' · ' + (T.states[now.state] || now.state) + (now.urgent ? ' · ' + T.urgent : ''))).openTooltip();
    });
    markers.set(d.id, m);
    return m;
  }
  function addDots(points, holder) {
    const fresh = [];
    points.forEach((p) => {
      const d = Object.assign({}, p, { holder });
      if (CLOSED.includes(d.state)) return;
      if (markers.has(d.id)) { upsertDot(d); return; }
      dots.set(d.id, d);
      fresh.push(markerOf(d));
    });
    if (fresh.length) dotLayer.addLayers(fresh);
  }
  function upsertDot(d) {
    if (!d.state || CLOSED.includes(d.state)) { removeDot(d.id); return; }
    const before = dots.get(d.id);
    dots.set(d.id, Object.assign({}, before, d));
    let m = markers.get(d.id);
    if (m && before && before.light !== d.light) {
      dotLayer.removeLayer(m); // a clustered marker changes colour by being added again
      markers.delete(d.id);
      m = null;
    }
    if (!m) dotLayer.addLayer(markerOf(d));
    else decorate(m, dots.get(d.id));
  }
  function decorate(m, d) {
    const el = m.getElement && m.getElement();
    if (el && d) {
      el.setAttribute('class', 'leaflet-interactive case-marker light-' + d.light + (d.urgent ? ' urgent' : ''));
      el.dataset.caseId = d.id;
      el.dataset.light = d.light;
      el.dataset.state = d.state;
    }
  }
  function removeDot(id) {
    const m = markers.get(id);
    if (m) dotLayer.removeLayer(m);
    markers.delete(id);
    dots.delete(id);
  }
  /** Shows one case's dot: zooms to it and opens its cluster (spiderfied when dots share the spot). */
  function focusCase(c) {
    map.setView([c.place.lat, c.place.lon], Math.max(map.getZoom(), 17), { animate: false });
    return refreshAll().then(() => {
      const m = markers.get(c.id);
      if (m) return new Promise((resolve) => dotLayer.zoomToShowLayer(m, resolve));
      return null;
    });
  }

  // ---- the side list: the first 200 of the queue (urgent, supervised, overdue, nearest deadline) ---------
  const cases = new Map();
  const pinned = (c) => ((c.figures && (c.figures.supervisions > 0 || c.figures.escalations > 0)) ? 1 : 0);
  function categoryName(c) { return CG.inLanguage(c.category.nameZh, c.category.nameEn); }
  function renderList() {
    const list = document.getElementById('case-list');
    const sorted = [...cases.values()].sort((a, b) => (b.urgent - a.urgent) || (pinned(b) - pinned(a))
      || ((light(b) === 'RED') - (light(a) === 'RED'))
      || String(a.stage && a.stage.deadline).localeCompare(String(b.stage && b.stage.deadline)));
    list.replaceChildren(...sorted.map((c) => {
      const li = document.createElement('li');
      li.className = 'light-' + light(c) + (c.urgent ? ' urgent' : '') + (pinned(c) ? ' pinned' : '');
      li.tabIndex = 0;
      Object.assign(li.dataset, { caseId: c.id, light: light(c), state: c.state });
      const dot = document.createElement('span');
      dot.className = 'dot ' + light(c);
      const flags = (c.urgent ? T.urgent : '') + (pinned(c) ? (c.urgent ? ' · ' : '') + T.supervised : '');
      li.append(dot, cell('b', 'num', c.number), cell('span', 'cat', categoryName(c)), cell('span', 'flag', flags),
        cell('span', 'state', T.states[c.state] || c.state));
      li.title = [c.number, categoryName(c), flags, T.states[c.state] || c.state].filter(Boolean).join(' · ');
      const open = () => { window.location.href = '/cases/' + c.id; };
      li.addEventListener('click', () => focusCase(c));
      li.addEventListener('dblclick', open);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      return li;
    }));
  }
  function loadList() {
    return json('/api/v1/cases?queue=team&size=200').then((page) => {
      cases.clear();
      page.items.forEach((c) => cases.set(c.id, c));
      renderList();
    });
  }
  function upsertCase(c) {
    if (!c.state || CLOSED.includes(c.state)) {
      removeDot(c.id);
      cases.delete(c.id);
    } else {
      if (dotsLoading.has(holderOf(c.place.gridCode))) upsertDot(Object.assign(dotOf(c), { holder: holderOf(c.place.gridCode) }));
      cases.set(c.id, c);
    }
    renderList();
  }

  // ---- the wall's figures: today, open now, rates, ranking one level down -------------------------------
  function loadFigures() {
    return json('/api/v1/cases/screen?territory=' + root.code).then((s) => {
      const set = (id, v) => { document.getElementById(id).textContent = v; };
      set('fig-reportedToday', s.reportedToday);
      set('fig-closedToday', s.closedToday);
      set('fig-open', s.open);
      set('fig-overdue', s.overdue);
      set('fig-urgent', s.urgent);
      set('fig-onTimeDisposalRate', pct(s.onTimeDisposalRate));
      set('fig-closureRate', pct(s.closureRate));
      const below = LEVELS[LEVELS.indexOf(root.level) + 1];
      set('ranking-title', T.ranking[below] || T.ranking.STREET);
      const body = document.querySelector('#ranking tbody');
      body.replaceChildren(...s.ranking.map((r, i) => {
        const tr = document.createElement('tr');
        tr.dataset.code = r.code;
        tr.tabIndex = 0;
        tr.append(cell('td', 'rank', i + 1), cell('td', 'name', r.name), cell('td', 'n', r.reportedToday), cell('td', 'n', r.open),
          cell('td', 'n late', r.overdue), cell('td', 'n', pct(r.closureRate)));
        tr.addEventListener('click', () => showUnit(r.code));
        return tr;
      }));
      document.getElementById('figures').dataset.loaded = 'true';
    });
  }

  // ---- the ticker: new urgent cases live (and, later, alarms: a source pushes items through ticker.push) --
  const ticker = {
    el: document.getElementById('ticker-items'),
    seen: new Set(),
    /** item: {key, kind ('urgent', 'overdue', 'alarm'), at (ISO time), title, detail, href} */
    push(item, atEnd) {
      if (this.seen.has(item.key)) return;
      this.seen.add(item.key);
      const li = document.createElement('li');
      li.className = 'tick ' + item.kind;
      li.dataset.key = item.key;
      if (item.caseId) li.dataset.caseId = item.caseId;
      const time = item.at ? new Date(item.at).toLocaleTimeString(cfg.lang === 'en' ? 'en-GB' : 'zh-CN',
        { hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) : '';
      li.append(text('span', 'kind', T.ticker[item.kind] || item.kind), text('time', null, time), cell('b', null, item.title),
        cell('span', 'detail', item.detail));
      if (item.href) li.addEventListener('click', () => { window.location.href = item.href; });
      atEnd ? this.el.append(li) : this.el.prepend(li);
      while (this.el.children.length > 30) this.el.lastElementChild.remove();
      document.getElementById('ticker').classList.toggle('empty', this.el.children.length === 0);
    }
  };
  const placeOf = (c) => [c.place.districtName, c.place.streetName].filter(Boolean).join(' ');
  function caseTick(c, kind) {
    return { key: kind + ':' + c.id, kind, caseId: c.id, at: kind === 'urgent' ? c.reportedAt : new Date().toISOString(),
      title: c.number + ' · ' + categoryName(c), detail: placeOf(c), href: '/cases/' + c.id };
  }
  function seedTicker() {
    return Promise.all([json('/api/v1/cases?queue=urgent&size=10').then((page) => page.items.forEach((c) => ticker.push(caseTick(c, 'urgent'), true)))
      .catch(() => {}), window.CG_SENSOR_LAYER.seed(ticker)]);
  }

  // ---- live: server-sent events; another module's source adds its handler to LIVE ------------------------
  /** An urgent case reported within this time shows in the ticker the first time the screen hears of it. */
  const FRESH_MILLIS = 6 * 60 * 60 * 1000;
  const refreshFigures = debounce(() => { loadFigures(); refreshCounts(); }, 800);
  const LIVE = {
    case: (change) => {
      refreshFigures();
      const wanted = change.urgent || cases.has(change.caseId) || markers.has(change.caseId) || dotsLoading.has(holderOf(change.gridCode));
      if (!wanted) return;
      json('/api/v1/cases/' + change.caseId).then((c) => {
        upsertCase(c);
        // a new urgent case: its first change here may already be a registration or dispatch (trusted channels)
        if (c.urgent && Date.now() - new Date(c.reportedAt).getTime() < FRESH_MILLIS) ticker.push(caseTick(c, 'urgent'));
        if (c.urgent && change.action === 'OVERDUE') ticker.push(caseTick(c, 'overdue'));
      }).catch(() => { removeDot(change.caseId); cases.delete(change.caseId); renderList(); });
    },
    alarm: (a) => window.CG_SENSOR_LAYER.onAlarm(a, ticker)
  };
  function live() {
    const source = new EventSource('/events/stream');
    source.addEventListener('hello', () => { document.body.dataset.live = 'true'; });
    Object.keys(LIVE).forEach((name) => source.addEventListener(name, (e) => LIVE[name](JSON.parse(e.data))));
  }

  // ---- device and force layers: each an endpoint listing things with a place, and its legend entries.
  // Later modules (sensors, grid workers' positions, risk points) add their entry here: {key, url, label,
  // marker(item) → Leaflet layer, legend: [{className, label}], off?, live?: event name, refreshSeconds?}. A url may be
  // a function of the user's territory (then it loads once the territory is known); an overlay that is off loads when
  // switched on.
  const OVERLAYS = [
    { key: 'cameras', url: '/api/v1/cameras', label: T.cameras,
      legend: [{ className: 'camera-icon', label: T.cameras }, { className: 'camera-icon inactive', label: T.camerasInactive }],
      marker: (c) => {
        const m = L.marker([c.lat, c.lon], { icon: L.divIcon({ className: 'camera-icon' + (c.active ? '' : ' inactive'), iconSize: [12, 12] }),
          keyboard: false }).bindTooltip(CG.lines(c.name + ' · ' + c.owner, c.algorithms.join(', ')));
        m.on('add', () => { m.getElement().dataset.cameraId = c.id; });
        return m;
      } },
    // key places from duty's registers (schools, markets, old buildings...): off by default, a street's few hundred at most
    { key: 'keyPlaces', url: (territory) => '/api/v1/duty/key-places?unit=' + territory.code, label: T.keyPlaces.title, off: true,
      legend: [{ className: 'key-place-icon', label: T.keyPlaces.fireLane }, { className: 'key-place-icon no-fire-lane', label: T.keyPlaces.noFireLane }],
      marker: (p) => {
        const m = L.marker([p.lat, p.lon], { icon: L.divIcon({ className: 'key-place-icon' + (p.fireLane ? '' : ' no-fire-lane'), iconSize: [10, 10] }),
          keyboard: false }).bindTooltip(CG.lines(p.name, (T.keyPlaces.kinds[p.kind] || p.kind) + ' · '
            + (p.fireLane ? T.keyPlaces.fireLane : T.keyPlaces.noFireLane)));
        m.on('add', () => { m.getElement().dataset.keyPlace = p.code; });
        return m;
      } },
    // IoT devices (sensing, static/js/sensors-layer.js): dots by state, flashing while an alarm is unacknowledged, live by LIVE.alarm
    window.CG_SENSOR_LAYER.overlay,
    // incidents (response plans running): a beacon that flashes while tasks wait for their post to confirm; reloaded live
    { key: 'incidents', url: '/api/v1/incidents?state=OPEN&limit=200', label: T.incidents.title, live: 'incident',
      legend: [{ className: 'incident-icon flashing', label: T.incidents.flashing }, { className: 'incident-icon quiet', label: T.incidents.quiet }],
      marker: (i) => {
        if (i.lon == null) return L.layerGroup();
        // above the case dots (the incident sits on its case's dot)
        if (!map.getPane('incidents')) map.createPane('incidents').style.zIndex = '640';
        const m = L.marker([i.lat, i.lon], { pane: 'incidents', icon: L.divIcon({ iconSize: [22, 22],
          className: 'incident-icon' + (i.unconfirmedTasks > 0 ? ' flashing' : ' quiet') }) })
          .bindTooltip(CG.lines(CG.inLanguage(i.planNameZh, i.planNameEn),
            T.incidents.unconfirmed + ' ' + i.unconfirmedTasks + ' · ' + T.incidents.tasks + ' ' + i.tasks.length, CG.time(i.openedAt)),
          { className: 'unit-tip' });
        m.on('add', () => Object.assign(m.getElement().dataset, { incidentId: i.id, unconfirmed: String(i.unconfirmedTasks) }));
        m.on('click', () => { window.location.href = '/incidents/' + encodeURIComponent(i.id); });
        return m;
      } },
    // grid forces on duty (duty's consenting grid workers; response's unit members join through duty's ForcePositions):
    // each member's latest position of the last 30 minutes, names masked by the server for roles that need none; phones
    // report every 2 minutes and no event tells of it, so the layer reloads every 30 s while it is shown
    { key: 'forces', url: (territory) => '/api/v1/duty/forces?unit=' + territory.code, label: T.forces.title, refreshSeconds: 30,
      legend: [{ className: 'force-icon GRID_WORKER', label: T.forces.kinds.GRID_WORKER },
        { className: 'force-icon RESPONSE_MEMBER', label: T.forces.kinds.RESPONSE_MEMBER }],
      marker: (f) => {
        const m = L.marker([f.lat, f.lon], { icon: L.divIcon({ className: 'force-icon ' + f.kind, iconSize: [12, 12] }), keyboard: false })
          .bindTooltip(CG.lines(f.name, [T.forces.kinds[f.kind] || '', f.unitName || ''].filter(Boolean).join(' · '),
            T.forces.at.replace('{0}', CG.time(f.at))));
        m.on('add', () => { m.getElement().dataset.force = f.key; });
        return m;
      } }
  ];

  // the layers control (which layers are on) and a legend for every layer
  const layersControl = L.control.layers(null, null, { collapsed: false, position: 'topright' }).addTo(map);
  layersControl.addOverlay(dotLayer, T.legend.cases);
  layersControl.addOverlay(countLayer, T.legend.counts);
  layersControl.addOverlay(roadLayer, T.legend.roads);
  const LEGEND = [
    { layer: 'cases', title: T.legend.cases, items: ['GREEN', 'YELLOW', 'RED', 'NONE'].map((k) => ({ className: 'swatch dot ' + k, label: T.lights[k] }))
      .concat([{ className: 'swatch case-cluster light-RED', label: T.legend.cluster }]) },
    { layer: 'counts', title: T.legend.counts, items: [{ className: 'swatch open-count-swatch', label: T.legend.countsHint }] },
    { layer: 'boundaries', title: T.legend.boundaries, items: ['DISTRICT', 'STREET', 'COMMUNITY'].map((k) => ({ className: 'swatch line ' + k,
      label: T.levels[k] })) },
    { layer: 'roads', title: T.legend.roads, items: [{ className: 'swatch line road', label: T.legend.roadsHint }] }
  ];
  /** Loads an overlay's items once: when it is on and its url can be told (a territory's url needs the territory). */
  const overlayLoads = OVERLAYS.map((o) => {
    const group = L.layerGroup();
    let loading = false;
    const load = () => {
      const url = typeof o.url === 'function' ? (root ? o.url(root) : null) : o.url;
      if (loading || !url || !map.hasLayer(group)) return;
      loading = true;
      json(url).then((items) => {
        group.clearLayers(); // a reload replaces the items when the new ones are there (no blank map meanwhile)
        items.forEach((item) => o.marker(item).addTo(group));
        mapEl.dataset[o.key] = String(items.length);
      }).catch(() => { mapEl.dataset[o.key] = 'unavailable'; });
    };
    group.on('add', load);
    // an overlay with a live event name reloads its items when the stream hears of one
    if (o.live) LIVE[o.live] = debounce(() => { group.clearLayers(); loading = false; load(); }, 500);
    // an overlay with refreshSeconds reloads at that pace while it is shown and the page is visible; looked at each
    // second, so a pace changed through CG_SCREEN.overlays applies at once
    if (o.refreshSeconds) {
      let loadedAt = Date.now();
      group.on('add', () => { loadedAt = Date.now(); });
      setInterval(() => {
        if (!map.hasLayer(group) || document.hidden || Date.now() - loadedAt < o.refreshSeconds * 1000) return;
        loadedAt = Date.now();
        loading = false;
        load();
      }, 1000);
    }
    if (!o.off) group.addTo(map);
    layersControl.addOverlay(group, o.label);
    LEGEND.push({ layer: o.key, title: o.label, items: o.legend || [] });
    return load;
  });
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const box = document.createElement('div');
    box.className = 'map-legend';
    box.id = 'legend';
    LEGEND.forEach((section) => {
      const s = document.createElement('section');
      s.dataset.layer = section.layer;
      s.append(text('h4', null, section.title));
      section.items.forEach((item) => {
        const row = document.createElement('div');
        row.append(text('i', item.className, ''), cell('span', null, item.label));
        s.append(row);
      });
      box.append(s);
    });
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);

  // The seam for later layers and sources (and for tests): the map, the ticker, the live handlers.
  window.CG_SCREEN = { map, ticker, live: LIVE, overlays: OVERLAYS };

  // ---- the clock and the start ---------------------------------------------------------------------------
  function tick() {
    document.getElementById('clock').textContent =
      new Date().toLocaleString(cfg.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }
  function refreshAll() {
    return refreshBasemap().then(() => Promise.all([refreshCounts(), refreshDots(), refreshRoads()]))
      .then(() => refreshBasemap());
  }
  map.on('moveend', debounce(() => refreshAll().catch((e) => console.error('map refresh failed: ' + (e && (e.detail || e.message)))), 120));

  // first meaningful paint: the territory's outlines and names, its figures, and its open cases (counts or dots)
  json('/api/v1/geo/tree').then((tree) => {
    if (tree.length === 0) return null;
    root = { code: tree[0].code, name: tree[0].name, level: tree[0].level, childCount: tree[0].childCount };
    renderBreadcrumb(root);
    overlayLoads.forEach((load) => load());
    return loadChildren(root).then(() => {
      fitRoot();
      return Promise.all([refreshAll(), loadFigures(), loadList(), seedTicker()]);
    });
  }).then(() => {
    window.CG_FIRST_PAINT = performance.now();
    document.body.dataset.painted = 'true';
    const focus = new URLSearchParams(window.location.search).get('case');
    if (focus) json('/api/v1/cases/' + encodeURIComponent(focus)).then(focusCase).catch(() => {});
  }).catch((e) => console.error('map paint failed: ' + (e && (e.stack || e.detail || JSON.stringify(e))))).then(live);
  tick();
  setInterval(tick, 1000);
  setInterval(() => { loadList(); loadFigures(); refreshCounts(); reloadDots(); }, 60000);
})();

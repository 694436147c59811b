// The one-screen map: the user's territory, its open cases coloured by their stage light, live.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  // a view from the start, so layers are drawn (and their elements exist) as soon as they are added
  const still = navigator.webdriver === true; // no animations under automation: screenshots show the settled map
  const map = L.map('map', { zoomControl: true, attributionControl: false, maxZoom: 19, zoomAnimation: !still, fadeAnimation: !still,
    markerZoomAnimation: !still }).setView([29.56, 106.55], 9);
  if (cfg.tiles) {
    L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
  }
  const unitLayer = L.layerGroup().addTo(map);
  const markers = new Map();
  const cases = new Map();
  const trail = [];
  const COLORS = { GREEN: '#36d399', YELLOW: '#ffb020', RED: '#ff4d4f', NONE: '#8fb3e8' };
  const CLOSED = ['CLOSED', 'EVALUATED', 'INVALID', 'MERGED'];

  const json = CG.json;

  function zoomFor(level) {
    return { CITY: 8, DISTRICT: 11, STREET: 13, COMMUNITY: 15, GRID: 16 }[level] || 12;
  }

  function showUnit(unit) {
    const i = trail.findIndex((u) => u.code === unit.code);
    if (i >= 0) trail.splice(i + 1); else trail.push(unit);
    renderBreadcrumb();
    return json('/api/v1/geo/units/' + unit.code + '/children.geojson?zoom=' + zoomFor(unit.level)).then((fc) => {
      unitLayer.clearLayers();
      const layer = L.geoJSON(fc, {
        style: () => ({ color: '#33d1ff', weight: 1.2, fillColor: '#1f6fd1', fillOpacity: 0.1 }),
        onEachFeature: (f, l) => {
          l.options.className = 'unit-shape';
          l.bindTooltip(CG.lines(f.properties.name), { sticky: true, className: 'unit-tip' });
          l.on('click', () => {
            if (f.properties.childCount > 0) {
              showUnit({ code: f.properties.code, name: f.properties.name, level: f.properties.level });
            }
          });
        }
      }).addTo(unitLayer);
      if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [10, 10] });
      document.getElementById('map').dataset.unit = unit.code;
    });
  }

  function renderBreadcrumb() {
    const el = document.getElementById('breadcrumb');
    el.innerHTML = '';
    trail.forEach((u, i) => {
      const a = document.createElement('a');
      a.href = '#';
      a.textContent = u.name;
      a.dataset.code = u.code;
      a.addEventListener('click', (e) => { e.preventDefault(); showUnit(u); });
      el.appendChild(a);
      if (i < trail.length - 1) el.appendChild(document.createTextNode(' › '));
    });
  }

  function light(c) { return (c.stage && c.stage.light) || 'NONE'; }

  // A map dot: the few fields a marker needs, from a map point or from a full case.
  function dotOf(c) {
    return { id: c.id, number: c.number, lat: c.place.lat, lon: c.place.lon, light: light(c), urgent: c.urgent, state: c.state };
  }

  // Many dots (a street with thousands of open cases) are clustered; a cluster shows its worst light.
  const CLUSTER_FROM = 500;
  const RANK = { RED: 3, YELLOW: 2, GREEN: 1, NONE: 0 };
  let dotLayer = null;
  const dots = new Map();
  function layerFor(count) {
    if (dotLayer) return dotLayer;
    dotLayer = count >= CLUSTER_FROM && L.markerClusterGroup
      ? L.markerClusterGroup({ chunkedLoading: true, chunkProgress: (done, total) => { if (done === total) chunksDone(); },
        disableClusteringAtZoom: 17, showCoverageOnHover: false, maxClusterRadius: 60,
        iconCreateFunction: (cluster) => {
          const worst = cluster.getAllChildMarkers().reduce((w, m) => (RANK[m.options.light] > RANK[w] ? m.options.light : w), 'NONE');
          const n = cluster.getChildCount();
          const count = document.createElement('span');
          count.textContent = n;
          return L.divIcon({ html: count, className: 'case-cluster light-' + worst, iconSize: [n > 999 ? 52 : 42, 42] });
        } })
      : L.layerGroup();
    dotLayer.addTo(map);
    document.getElementById('map').dataset.clustered = String(dotLayer !== null && !!dotLayer.getVisibleParent);
    return dotLayer;
  }

  function upsertDot(d) {
    if (!d.state || CLOSED.includes(d.state)) {
      removeDot(d.id);
      return;
    }
    const layer = layerFor(dots.size);
    const before = dots.get(d.id);
    dots.set(d.id, d);
    let m = markers.get(d.id);
    if (m && before && before.light !== d.light && layer.getVisibleParent) {
      layer.removeLayer(m); // a clustered marker changes colour by being added again
      markers.delete(d.id);
      m = null;
    }
    if (!m) {
      m = markerOf(d);
      layer.addLayer(m);
    } else {
      m.setStyle({ fillColor: COLORS[d.light] });
      m.options.light = d.light;
    }
    decorate(m, d);
  }

  function markerOf(d) {
    const m = L.circleMarker([d.lat, d.lon], { radius: d.urgent ? 9 : 7, color: '#ffffff', weight: 1.5, fillColor: COLORS[d.light],
      fillOpacity: 0.95, light: d.light });
    m.on('add', () => decorate(m, dots.get(d.id)));
    m.on('click', () => { window.location.href = '/cases/' + d.id; });
    // the tooltip is made when the pointer comes: thousands of dots should not each carry one
    m.on('mouseover', () => {
      const now = dots.get(d.id) || d;
      m.bindTooltip(CG.lines(now.number + ' · ' + (cfg.text.states[now.state] || now.state) + (now.urgent ? ' · ' + cfg.text.urgent : '')))
        .openTooltip();
    });
    markers.set(d.id, m);
    return m;
  }

  let chunksDone = () => {};
  /**
   * All dots at once (a cluster group adds thousands in chunks without freezing the page); resolves
   * when every dot is on the map.
   */
  function addDots(points) {
    const layer = layerFor(points.length);
    const fresh = [];
    points.forEach((d) => {
      if (CLOSED.includes(d.state)) return;
      if (markers.has(d.id)) { upsertDot(d); return; }
      dots.set(d.id, d);
      fresh.push(markerOf(d));
    });
    if (!layer.addLayers || fresh.length === 0) {
      fresh.forEach((m) => layer.addLayer(m));
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      chunksDone = resolve;
      layer.addLayers(fresh);
    });
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
    if (m && dotLayer) dotLayer.removeLayer(m);
    markers.delete(id);
    dots.delete(id);
  }

  function upsertCase(c) {
    if (!c.state || CLOSED.includes(c.state)) {
      removeDot(c.id);
      cases.delete(c.id);
    } else {
      upsertDot(dotOf(c));
      cases.set(c.id, c);
    }
    render();
  }

  // The side list: the first 200 of the queue (urgent, overdue, nearest deadline); the counts: every dot.
  function render() {
    const counts = { GREEN: 0, YELLOW: 0, RED: 0 };
    dots.forEach((d) => { if (counts[d.light] !== undefined) counts[d.light]++; });
    const list = document.getElementById('case-list');
    // pinned on top: urgent cases, then those a superior center supervises (督办) or escalated, then the late ones
    const pinned = (c) => (c.figures && (c.figures.supervisions > 0 || c.figures.escalations > 0)) ? 1 : 0;
    const sorted = [...cases.values()].sort((a, b) => (b.urgent - a.urgent) || (pinned(b) - pinned(a))
      || ((light(b) === 'RED') - (light(a) === 'RED'))
      || String(a.stage && a.stage.deadline).localeCompare(String(b.stage && b.stage.deadline)));
    list.innerHTML = '';
    sorted.forEach((c) => {
      const li = document.createElement('li');
      li.className = 'light-' + light(c) + (c.urgent ? ' urgent' : '');
      li.tabIndex = 0;
      li.dataset.caseId = c.id;
      li.dataset.light = light(c);
      li.dataset.state = c.state;
      const dot = document.createElement('span');
      dot.className = 'dot ' + light(c);
      const number = document.createElement('b');
      number.textContent = c.number;
      const category = document.createElement('span');
      category.className = 'cat';
      category.textContent = (cfg.lang === 'en' ? c.category.nameEn : c.category.nameZh)
        + (c.urgent ? ' · ' + cfg.text.urgent : '') + (pinned(c) ? ' · ' + cfg.text.supervised : '');
      if (pinned(c)) li.classList.add('pinned');
      const state = document.createElement('span');
      state.className = 'state';
      state.textContent = cfg.text.states[c.state] || c.state;
      li.append(dot, number, ' ', category, ' ', state);
      const open = () => { window.location.href = '/cases/' + c.id; };
      li.addEventListener('click', () => map.setView([c.place.lat, c.place.lon], 17));
      li.addEventListener('dblclick', open);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      list.appendChild(li);
    });
    Object.keys(counts).forEach((k) => { document.getElementById('count-' + k).textContent = counts[k]; });
    document.getElementById('count-all').textContent = dots.size;
  }

  function loadCases() {
    const territory = (cfg.scope && cfg.scope[0]) || '';
    return Promise.all([
      json('/api/v1/cases/points' + (territory ? '?territory=' + territory : '')).then((points) => {
        if (!dotLayer) overlayControl.addOverlay(layerFor(points.length), cfg.text.cases);
        const seen = new Set(points.map((p) => p.id));
        [...dots.keys()].filter((id) => !seen.has(id)).forEach(removeDot);
        return addDots(points);
      }),
      json('/api/v1/cases?queue=team&size=200').then((page) => {
        cases.clear();
        page.items.forEach((c) => cases.set(c.id, c));
      })
    ]).then(render);
  }

  function live() {
    const source = new EventSource('/events/stream');
    source.addEventListener('hello', () => { document.body.dataset.live = 'true'; });
    source.addEventListener('case', (e) => {
      const change = JSON.parse(e.data);
      json('/api/v1/cases/' + change.caseId).then(upsertCase).catch(() => { removeDot(change.caseId); cases.delete(change.caseId); render(); });
    });
  }

  function tick() {
    document.getElementById('clock').textContent =
      new Date().toLocaleString(cfg.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  // Device and force layers. Each is an endpoint listing things with a place; the later modules
  // (sensors, grid workers' positions, risk points) add their entries here when they exist.
  const OVERLAYS = [
    { key: 'cameras', url: '/api/v1/cameras', label: cfg.text.cameras,
      marker: (c) => {
        const m = L.marker([c.lat, c.lon], { icon: L.divIcon({ className: 'camera-icon' + (c.active ? '' : ' inactive'), iconSize: [14, 14] }),
          keyboard: false }).bindTooltip(CG.lines(c.name + ' · ' + c.owner, c.algorithms.join(', ')));
        m.on('add', () => { m.getElement().dataset.cameraId = c.id; });
        return m;
      } }
  ];
  const overlayControl = L.control.layers(null, null, { collapsed: false, position: 'topright' }).addTo(map);
  OVERLAYS.forEach((o) => {
    const group = L.layerGroup().addTo(map);
    overlayControl.addOverlay(group, o.label);
    json(o.url).then((items) => {
      items.forEach((item) => o.marker(item).addTo(group));
      document.getElementById('map').dataset[o.key] = String(items.length);
    }).catch(() => { document.getElementById('map').dataset[o.key] = 'unavailable'; });
  });

  // first meaningful paint: the territory's shapes and every open case are on the map
  const shapes = json('/api/v1/geo/tree').then((units) => (units.length > 0 ? showUnit(units[0]) : null));
  loadCases().then(() => shapes).then(() => {
    window.CG_FIRST_PAINT = performance.now();
    document.body.dataset.painted = 'true';
  }).catch((e) => console.error('map paint failed: ' + (e && (e.stack || e.detail || JSON.stringify(e))))).then(live);
  tick();
  setInterval(tick, 1000);
  setInterval(loadCases, 60000);
})();

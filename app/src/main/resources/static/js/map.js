// The one-screen map: the user's territory, its open cases coloured by their stage light, live.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  // a view from the start, so layers are drawn (and their elements exist) as soon as they are added
  const still = navigator.webdriver === true; // no animations under automation: screenshots show the settled map
  const map = L.map('map', { zoomControl: true, attributionControl: false, zoomAnimation: !still, fadeAnimation: !still,
    markerZoomAnimation: !still }).setView([29.56, 106.55], 9);
  if (cfg.tiles) {
    L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
  }
  const unitLayer = L.layerGroup().addTo(map);
  const caseLayer = L.layerGroup().addTo(map);
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
    json('/api/v1/geo/units/' + unit.code + '/children.geojson?zoom=' + zoomFor(unit.level)).then((fc) => {
      unitLayer.clearLayers();
      const layer = L.geoJSON(fc, {
        style: () => ({ color: '#33d1ff', weight: 1.2, fillColor: '#1f6fd1', fillOpacity: 0.1 }),
        onEachFeature: (f, l) => {
          l.options.className = 'unit-shape';
          l.bindTooltip(f.properties.name, { sticky: true, className: 'unit-tip' });
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

  function classesOf(c) { return 'case-marker light-' + light(c) + (c.urgent ? ' urgent' : ''); }

  function upsertCase(c) {
    if (!c.state || CLOSED.includes(c.state)) {
      removeCase(c.id);
      return;
    }
    cases.set(c.id, c);
    let m = markers.get(c.id);
    if (!m) {
      m = L.circleMarker([c.place.lat, c.place.lon], {
        radius: c.urgent ? 9 : 7, color: '#ffffff', weight: 1.5, fillColor: COLORS[light(c)], fillOpacity: 0.95
      }).addTo(caseLayer);
      markers.set(c.id, m);
    } else {
      m.setStyle({ fillColor: COLORS[light(c)] });
    }
    const el = m.getElement();
    if (el) {
      el.setAttribute('class', 'leaflet-interactive ' + classesOf(c));
      el.dataset.caseId = c.id;
      el.dataset.light = light(c);
      el.dataset.state = c.state;
    }
    m.off('click');
    m.on('click', () => { window.location.href = '/cases/' + c.id; });
    m.bindTooltip(c.number + ' · ' + (cfg.lang === 'en' ? c.category.nameEn : c.category.nameZh) + ' · '
      + (cfg.text.states[c.state] || c.state));
    render();
  }

  function removeCase(id) {
    const m = markers.get(id);
    if (m) { caseLayer.removeLayer(m); markers.delete(id); }
    cases.delete(id);
    render();
  }

  function render() {
    const counts = { GREEN: 0, YELLOW: 0, RED: 0 };
    const list = document.getElementById('case-list');
    const sorted = [...cases.values()].sort((a, b) => (b.urgent - a.urgent)
      || ((light(b) === 'RED') - (light(a) === 'RED'))
      || String(a.stage && a.stage.deadline).localeCompare(String(b.stage && b.stage.deadline)));
    list.innerHTML = '';
    sorted.forEach((c) => {
      if (counts[light(c)] !== undefined) counts[light(c)]++;
      const li = document.createElement('li');
      li.className = 'light-' + light(c) + (c.urgent ? ' urgent' : '');
      li.tabIndex = 0;
      li.dataset.caseId = c.id;
      li.dataset.light = light(c);
      li.dataset.state = c.state;
      li.innerHTML = '<span class="dot ' + light(c) + '"></span><b></b> <span class="cat"></span> <span class="state"></span>';
      li.querySelector('b').textContent = c.number;
      li.querySelector('.cat').textContent = (cfg.lang === 'en' ? c.category.nameEn : c.category.nameZh)
        + (c.urgent ? ' · ' + cfg.text.urgent : '');
      li.querySelector('.state').textContent = cfg.text.states[c.state] || c.state;
      const open = () => { window.location.href = '/cases/' + c.id; };
      li.addEventListener('click', () => map.setView([c.place.lat, c.place.lon], 16));
      li.addEventListener('dblclick', open);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      list.appendChild(li);
    });
    Object.keys(counts).forEach((k) => { document.getElementById('count-' + k).textContent = counts[k]; });
  }

  function loadCases() {
    return json('/api/v1/cases?queue=team&size=200').then((page) => page.items.forEach(upsertCase));
  }

  function live() {
    const source = new EventSource('/events/stream');
    source.addEventListener('hello', () => { document.body.dataset.live = 'true'; });
    source.addEventListener('case', (e) => {
      const change = JSON.parse(e.data);
      json('/api/v1/cases/' + change.caseId).then(upsertCase).catch(() => removeCase(change.caseId));
    });
  }

  function tick() {
    document.getElementById('clock').textContent =
      new Date().toLocaleString(cfg.lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  json('/api/v1/geo/tree').then((units) => {
    if (units.length > 0) showUnit(units[0]);
  });
  loadCases().then(live);
  tick();
  setInterval(tick, 1000);
  setInterval(loadCases, 60000);
})();

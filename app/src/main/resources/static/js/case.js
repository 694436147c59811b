// The case desk: one case, its clock, its history, and the actions this user may take now.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const id = document.getElementById('desk').dataset.caseId;
  const $ = (sel) => document.querySelector(sel);
  let current = null;
  $('#action-form').addEventListener('submit', (e) => e.preventDefault());

  const json = CG.json;
  const fmt = CG.time;

  function render(c) {
    current = c;
    document.body.dataset.state = c.state;
    $('#case-number').textContent = c.number;
    $('#case-state').textContent = cfg.states[c.state] || c.state;
    $('#case-state').dataset.state = c.state;
    const light = (c.stage && c.stage.light) || 'NONE';
    $('#case-light').className = 'dot ' + light;
    $('#case-light').dataset.light = light;
    $('#case-category').textContent = (cfg.lang === 'en' ? c.category.nameEn : c.category.nameZh) + ' (' + c.category.code + ')'
      + (c.urgent ? ' · ⚠' : '');
    $('#case-description').textContent = c.description;
    $('#case-place').textContent = [c.place.districtName, c.place.streetName, c.place.gridName].filter(Boolean).join(' › ');
    $('#case-assignment').textContent = c.assignment || (c.routing ? '→ ' + c.routing.id : '—');
    $('#case-deadline').textContent = c.stage && c.stage.deadline ? fmt(c.stage.deadline) + ' (' + c.stage.limit + ' ' + c.stage.clock + ')' : '—';
    $('#case-level').textContent = cfg.levels[c.handlingLevel] || c.handlingLevel;
    const actions = $('#actions');
    actions.innerHTML = '';
    c.allowedActions.forEach((a) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'action';
      b.dataset.action = a;
      b.textContent = cfg.actions[a] || a;
      b.addEventListener('click', () => act(a));
      actions.appendChild(b);
    });
    const choosesDepartment = c.allowedActions.includes('DISPATCH') || c.allowedActions.includes('WHISTLE');
    $('#department').hidden = !choosesDepartment;
    document.querySelector("label[for='department']").hidden = !choosesDepartment;
    const dept = $('#department');
    if (c.routing && !dept.dataset.filled) {
      dept.innerHTML = '';
      const code = c.routing.id.substring(c.routing.id.indexOf(':') + 1);
      const opt = document.createElement('option');
      opt.value = code; opt.textContent = c.routing.id + ' (' + c.routing.label + ')';
      dept.appendChild(opt);
    }
  }

  function fillDepartments() {
    return json('/api/v1/catalog/departments').then((list) => {
      const dept = $('#department');
      list.forEach((d) => {
        const opt = document.createElement('option');
        opt.value = d.code;
        opt.textContent = (cfg.lang === 'en' ? d.nameEn : d.nameZh) + ' · ' + d.code;
        dept.appendChild(opt);
      });
    });
  }

  function timeline() {
    json('/api/v1/cases/' + id + '/history').then((events) => {
      const ol = $('#timeline');
      ol.innerHTML = '';
      events.forEach((e) => {
        const li = document.createElement('li');
        li.dataset.action = e.action;
        li.textContent = fmt(e.at) + ' · ' + (cfg.actions[e.action] || e.action) + ' · ' + e.actor + (e.reason ? ' · ' + e.reason : '');
        ol.appendChild(li);
      });
    });
    json('/api/v1/cases/' + id + '/attachments').then((list) => {
      const box = $('#photos');
      box.innerHTML = '';
      list.forEach((a) => {
        const img = document.createElement('img');
        img.src = '/api/v1/cases/' + id + '/attachments/' + a.id;
        img.alt = a.filename;
        box.appendChild(img);
      });
    });
  }

  function upload() {
    const file = $('#photo').files[0];
    if (!file) return Promise.resolve();
    const form = new FormData();
    form.append('file', file);
    return json('/api/v1/cases/' + id + '/attachments', { method: 'POST', body: form });
  }

  function act(action) {
    const body = { expectedVersion: current.version };
    const reason = $('#reason').value.trim();
    if (reason) body.reason = reason;
    if (action === 'DISPATCH') body.department = $('#department').value;
    if (action === 'EVALUATE') body.rating = 5;
    $('#action-error').hidden = true;
    const path = action.toLowerCase().replace(/_/g, '-');
    upload().then(() => json('/api/v1/cases/' + id + '/actions/' + path, {
      method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Accept: 'application/json' }
    })).then(() => { $('#reason').value = ''; $('#photo').value = ''; return load(); })
      .catch((problem) => {
        const box = $('#action-error');
        box.textContent = (problem && (problem.code + ': ' + problem.detail)) || String(problem);
        box.hidden = false;
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
    return json('/api/v1/cases/' + id).then((c) => { render(c); place(c); timeline(); });
  }

  fillDepartments().then(load);
  const source = new EventSource('/events/stream');
  source.addEventListener('case', (e) => { if (JSON.parse(e.data).caseId === id) load(); });
})();

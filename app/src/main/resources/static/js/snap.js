// Residents' snap-and-report: photos, a place, a sentence; then follow the report and rate it.
// The map shows where the resident is before they tap (the city's outlines and names, a place search,
// their location when they give it) and the open reports nearby, so they can add to one instead of
// reporting it again ("我也遇到了").
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const T = cfg.text;
  const $ = (id) => document.getElementById(id);
  const API = '/api/v1/public/snap';
  const device = localStorage.getItem('cg.device') || (function () {
    const id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)).replace(/[^A-Za-z0-9-]/g, '');
    localStorage.setItem('cg.device', id);
    return id;
  })();
  const mine = () => JSON.parse(localStorage.getItem('cg.myReports') || '[]');
  const remember = (r) => {
    const list = mine().filter((x) => x.number !== r.number);
    list.unshift({ number: r.number, code: r.code });
    localStorage.setItem('cg.myReports', JSON.stringify(list.slice(0, 50)));
  };
  const fmt = (template, ...values) => values.reduce((t, v, i) => t.replace('{' + i + '}', v), template);
  // a refusal in the page's language by its stable code; "something went wrong" with the code for any other
  const errorText = (body) => CG.refusal(body, Object.assign({ UNKNOWN: T.other }, cfg.errors));
  const categoryName = (c) => CG.inLanguage(c.categoryNameZh, c.categoryNameEn);

  // ---- tabs
  function show(tab) {
    const report = tab === 'report';
    $('tab-report').classList.toggle('active', report);
    $('tab-mine').classList.toggle('active', !report);
    $('tab-report').setAttribute('aria-selected', String(report));
    $('tab-mine').setAttribute('aria-selected', String(!report));
    $('snap-form').hidden = !report;
    $('receipt').hidden = true;
    $('mine').hidden = report;
    if (!report) renderMine();
  }
  $('tab-report').addEventListener('click', () => show('report'));
  $('tab-mine').addEventListener('click', () => show('mine'));

  // ---- the place
  const still = navigator.webdriver === true;
  const map = L.map('snap-map', { attributionControl: false, zoomAnimation: !still, fadeAnimation: !still })
    .setView([29.5630, 106.5516], 11);
  if (cfg.tiles) L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
  // the city's districts and, closer in, the streets of the district in view, with their names
  const districts = L.layerGroup().addTo(map);
  const streets = L.layerGroup().addTo(map);
  const outlines = L.layerGroup().addTo(map);
  const nearbyDots = L.layerGroup().addTo(map);
  function drawOutlines(layer, fc, style, labelClass) {
    layer.clearLayers();
    L.geoJSON(fc, {
      style: () => style,
      interactive: false,
      onEachFeature: (f, l) => l.bindTooltip(CG.lines(f.properties.name), { permanent: true, direction: 'center', className: labelClass })
    }).addTo(layer);
  }
  CG.json('/api/v1/public/geo/outlines.geojson').then((fc) => {
    drawOutlines(districts, fc, { color: '#2f7d5b', weight: 1.5, fillOpacity: 0 }, 'area-label district-label');
    document.body.dataset.outlines = 'true';
  }).catch(() => {});
  let streetsOf = null;
  function showStreetsAround(lat, lon) {
    CG.json('/api/v1/public/geo/locate?lon=' + lon + '&lat=' + lat).then((p) => {
      if (streetsOf === p.district.code) return;
      streetsOf = p.district.code;
      return CG.json('/api/v1/public/geo/outlines.geojson?code=' + p.district.code).then((fc) =>
        drawOutlines(streets, fc, { color: '#5aa37f', weight: 1, dashArray: '4 3', fillOpacity: 0 }, 'area-label street-label'));
    }).catch(() => {});
  }
  const zoomClass = () => {
    const z = map.getZoom();
    document.getElementById('snap-map').classList.toggle('show-streets', z >= 13);
    document.getElementById('snap-map').classList.toggle('hide-districts', z >= 14);
  };
  map.on('zoomend', zoomClass);
  map.on('moveend', () => { if (map.getZoom() >= 13) { const c = map.getCenter(); showStreetsAround(c.lat, c.lng); } });
  zoomClass();

  let marker = null;
  let place = null;
  let shownCommunity = null;
  /** The grids of the community around a point, and the open reports near it. */
  function showAround(lat, lon, fit) {
    showNearby(lat, lon);
    CG.json('/api/v1/public/geo/locate?lon=' + lon + '&lat=' + lat).then((p) => {
      if (shownCommunity === p.community.code) return;
      shownCommunity = p.community.code;
      return CG.json('/api/v1/public/geo/around.geojson?lon=' + lon + '&lat=' + lat).then((fc) => {
        outlines.clearLayers();
        const layer = L.geoJSON(fc, { style: () => ({ color: '#1f9d6b', weight: 1.2, fillColor: '#1f9d6b', fillOpacity: 0.06 }),
          interactive: false }).addTo(outlines);
        // show the whole community with its grids, the pin inside it
        if (fit) map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      });
    }).catch(() => {});
  }
  function setPlace(lat, lon, fit) {
    if (marker) marker.setLatLng([lat, lon]); else marker = L.circleMarker([lat, lon], { radius: 9, color: '#e8590c', weight: 3, fillOpacity: 0.6 }).addTo(map);
    CG.json('/api/v1/public/geo/locate?lon=' + lon + '&lat=' + lat).then((p) => {
      place = { lon, lat };
      $('place').textContent = [p.district.name, p.street.name, p.community.name, p.grid.name].join(' · ') + (p.road ? ' · ' + p.road : '');
      $('place').classList.remove('bad');
      showAround(lat, lon, fit !== false);
    }).catch((body) => {
      place = null;
      $('place').textContent = errorText(body);
      $('place').classList.add('bad');
    });
  }
  map.on('click', (e) => { stopAdding(); setPlace(e.latlng.lat, e.latlng.lng, false); });
  // a QR code on a lamp post or a notice board opens the page at its place: /snap?lon=..&lat=..
  const params = new URLSearchParams(location.search);
  if (params.has('lon') && params.has('lat')) {
    const lon = Number(params.get('lon'));
    const lat = Number(params.get('lat'));
    if (isFinite(lon) && isFinite(lat)) {
      map.setView([lat, lon], 16);
      setPlace(lat, lon);
    }
  } else if (navigator.permissions && navigator.geolocation) {
    // centred on the resident when they allowed it before (no prompt before they ask)
    navigator.permissions.query({ name: 'geolocation' }).then((status) => {
      if (status.state !== 'granted') return;
      navigator.geolocation.getCurrentPosition((pos) => {
        map.setView([pos.coords.latitude, pos.coords.longitude], 16);
        showAround(pos.coords.latitude, pos.coords.longitude, false);
      }, () => {}, { timeout: 10000 });
    }).catch(() => {});
  }
  $('use-location').addEventListener('click', () => {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((pos) => {
      map.setView([pos.coords.latitude, pos.coords.longitude], 16);
      setPlace(pos.coords.latitude, pos.coords.longitude);
    }, (err) => { $('place').textContent = err.message; }, { enableHighAccuracy: true, timeout: 10000 });
  });

  // ---- finding a place by name (districts, streets, communities)
  const ZOOM = { DISTRICT: 12, STREET: 14, COMMUNITY: 16 };
  function search() {
    const q = $('place-search').value.trim();
    const list = $('place-results');
    if (!q) { list.hidden = true; return; }
    CG.json(API + '/places?q=' + encodeURIComponent(q)).then((hits) => {
      list.replaceChildren();
      if (!hits.length) list.appendChild(CG.el('li', 'none', T.searchNone));
      hits.forEach((h) => {
        const li = document.createElement('li');
        const b = CG.el('button', 'place-hit');
        b.type = 'button';
        b.dataset.code = h.code;
        b.append(CG.el('b', null, h.name), CG.el('small', null, h.within));
        b.addEventListener('click', () => {
          list.hidden = true;
          $('place-search').value = h.name;
          map.setView([h.lat, h.lon], ZOOM[h.level] || 15);
          showAround(h.lat, h.lon, h.level === 'COMMUNITY');
        });
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = false;
    }).catch((body) => {
      list.replaceChildren(CG.el('li', 'none', errorText(body)));
      list.hidden = false;
    });
  }
  $('place-search-go').addEventListener('click', search);
  $('place-search').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); search(); } });

  // ---- open reports nearby: add to one instead of reporting again
  let alsoSeen = null;
  function showNearby(lat, lon) {
    CG.json(API + '/nearby?lon=' + lon + '&lat=' + lat).then((reports) => {
      const list = $('nearby-list');
      list.replaceChildren();
      nearbyDots.clearLayers();
      $('nearby-hint').hidden = true;
      if (!reports.length) list.appendChild(CG.el('li', 'empty', T.nearbyEmpty));
      reports.forEach((r) => {
        const li = CG.el('li', 'nearby-item');
        li.dataset.category = r.category;
        const head = CG.el('div', 'nearby-head');
        head.append(CG.el('b', null, categoryName(r)), CG.el('span', 'state', T.states[r.state] || r.state));
        const add = CG.el('button', 'small also-seen', T.alsoSeen);
        add.type = 'button';
        add.addEventListener('click', () => addTo(r));
        li.append(head, CG.el('div', 'meta', fmt(T.meters, r.distanceMeters) + ' · ' + CG.time(r.reportedAt)),
          CG.el('div', 'desc', r.description), add);
        list.appendChild(li);
        L.circleMarker([r.lat, r.lon], { radius: 6, color: '#f08c00', weight: 2, fillColor: '#ffd43b', fillOpacity: 0.9 })
          .bindTooltip(CG.lines(categoryName(r), T.states[r.state] || r.state)).on('click', () => addTo(r)).addTo(nearbyDots);
      });
      document.body.dataset.nearby = String(reports.length);
    }).catch(() => {});
  }
  function addTo(r) {
    alsoSeen = r;
    $('category').value = r.category;
    if (!$('description').value.trim()) $('description').value = T.alsoSeenText;
    $('adding-text').textContent = fmt(T.addingTo, categoryName(r) + ' · ' + fmt(T.meters, r.distanceMeters));
    $('adding').hidden = false;
    map.setView([r.lat, r.lon], Math.max(map.getZoom(), 16));
    setPlace(r.lat, r.lon, false);
    $('adding').scrollIntoView({ block: 'center' });
  }
  function stopAdding() {
    alsoSeen = null;
    $('adding').hidden = true;
  }
  $('adding-cancel').addEventListener('click', stopAdding);

  // ---- photos
  let photos = [];
  $('photos').addEventListener('change', (e) => {
    photos = photos.concat(Array.from(e.target.files)).slice(0, 5);
    e.target.value = '';
    const box = $('previews');
    box.innerHTML = '';
    photos.forEach((f) => {
      const img = document.createElement('img');
      img.src = URL.createObjectURL(f);
      img.alt = f.name;
      box.appendChild(img);
    });
  });

  // ---- category: the list, and suggestions while typing
  CG.json(API + '/categories').then((items) => {
    const groups = new Map();
    items.forEach((c) => {
      if (!groups.has(c.group)) {
        const g = document.createElement('optgroup');
        g.label = c.group;
        groups.set(c.group, g);
        $('category').appendChild(g);
      }
      const o = document.createElement('option');
      o.value = c.code;
      o.textContent = CG.inLanguage(c.nameZh, c.nameEn);
      groups.get(c.group).appendChild(o);
    });
  });
  let typing = null;
  $('description').addEventListener('input', () => {
    clearTimeout(typing);
    const text = $('description').value.trim();
    if (text.length < 4) { $('suggestions').innerHTML = ''; return; }
    typing = setTimeout(() => {
      CG.json(API + '/suggestions', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Device-Id': device },
        body: JSON.stringify({ text }) }).then((list) => {
        const box = $('suggestions');
        box.innerHTML = '';
        const label = document.createElement('span');
        label.textContent = T.suggested;
        box.appendChild(label);
        list.forEach((s) => {
          const chip = document.createElement('button');
          chip.type = 'button';
          chip.className = 'chip';
          chip.dataset.category = s.category;
          chip.textContent = CG.inLanguage(s.nameZh, s.nameEn) + ' ' + Math.round(s.score * 100) + '%';
          chip.addEventListener('click', () => { $('category').value = s.category; });
          box.appendChild(chip);
        });
      }).catch(() => {});
    }, 500);
  });

  // ---- sending
  $('snap-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const err = $('snap-error');
    err.hidden = true;
    const data = new FormData();
    data.append('deviceId', device);
    data.append('description', $('description').value.trim());
    if (place) { data.append('lon', place.lon); data.append('lat', place.lat); }
    if ($('category').value) data.append('category', $('category').value);
    if (alsoSeen) data.append('alsoSeen', 'true');
    photos.forEach((f) => data.append('photos', f, f.name));
    $('submit').disabled = true;
    $('submit').textContent = T.sending;
    CG.json(API + '/reports', { method: 'POST', body: data }).then((r) => {
      remember({ number: r.number, code: r.trackingCode });
      $('receipt-number').textContent = r.number;
      $('receipt-code').textContent = r.trackingCode;
      $('receipt-joined').hidden = !r.joined;
      $('snap-form').hidden = true;
      $('receipt').hidden = false;
      $('snap-form').reset();
      photos = [];
      $('previews').innerHTML = '';
      $('suggestions').innerHTML = '';
      stopAdding();
    }).catch((body) => {
      err.textContent = errorText(body);
      err.hidden = false;
    }).finally(() => {
      $('submit').disabled = false;
      $('submit').textContent = T.submit;
    });
  });

  // ---- following my reports
  function stars(report, entry) {
    const box = document.createElement('div');
    box.className = 'rating';
    const label = document.createElement('span');
    label.textContent = T.rate + ' ';
    box.appendChild(label);
    let chosen = 0;
    const buttons = [1, 2, 3, 4, 5].map((n) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'star';
      b.dataset.rating = n;
      b.textContent = '☆';
      b.setAttribute('aria-label', n + '/5');
      b.addEventListener('click', () => {
        chosen = n;
        buttons.forEach((x, i) => { x.textContent = i < n ? '★' : '☆'; });
      });
      box.appendChild(b);
      return b;
    });
    const send = document.createElement('button');
    send.type = 'button';
    send.className = 'small send-rating';
    send.textContent = T.sendRating;
    send.addEventListener('click', () => {
      if (!chosen) return;
      CG.json(API + '/reports/' + encodeURIComponent(report.number) + '/rating', { method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ code: entry.code, rating: chosen }) }).then(renderMine).catch((body) => alert(errorText(body)));
    });
    box.appendChild(send);
    return box;
  }

  function card(report, entry) {
    const li = document.createElement('li');
    li.className = 'panel report ' + (report.open ? 'open' : 'done');
    li.dataset.number = report.number;
    const head = document.createElement('div');
    head.className = 'report-head';
    head.innerHTML = '<b></b><span class="state"></span>';
    head.querySelector('b').textContent = report.number;
    head.querySelector('.state').textContent = T.states[report.state] || report.state;
    li.appendChild(head);
    const what = document.createElement('p');
    what.textContent = CG.inLanguage(report.categoryNameZh, report.categoryNameEn) + ' · ' + report.district + ' ' + report.street
      + ' · ' + CG.time(report.reportedAt) + (report.open && report.deadline ? ' · ' + T.deadline + ' ' + CG.time(report.deadline) : '');
    li.appendChild(what);
    const steps = document.createElement('ol');
    steps.className = 'timeline';
    report.steps.forEach((s) => {
      const step = document.createElement('li');
      step.textContent = CG.time(s.at) + '  ' + (T.states[s.state] || s.state) + (s.note ? '：' + s.note : '');
      steps.appendChild(step);
    });
    li.appendChild(steps);
    if (report.canRate) li.appendChild(stars(report, entry));
    if (report.rating) {
      const r = document.createElement('p');
      r.className = 'rated';
      r.textContent = T.rated + ' ' + '★'.repeat(report.rating) + '☆'.repeat(5 - report.rating);
      li.appendChild(r);
    }
    return li;
  }

  /** The reports this phone remembers and, for a signed-in resident, their account's reports (no code needed). */
  function renderMine() {
    const list = $('my-reports');
    return CG.json(API + '/reports').catch(() => []).then((own) => {
      const entries = mine();
      own.forEach((r) => { if (!entries.some((e) => e.number === r.number)) entries.push({ number: r.number, code: null }); });
      if (!entries.length) {
        const li = document.createElement('li');
        li.className = 'empty';
        li.textContent = T.empty;
        list.replaceChildren(li);
        document.body.dataset.mine = '0';
        return null;
      }
      return Promise.all(entries.map((e) => CG.json(API + '/reports/' + encodeURIComponent(e.number)
        + (e.code ? '?code=' + encodeURIComponent(e.code) : '')).then((r) => card(r, e)).catch(() => null))).then((cards) => {
        list.replaceChildren(...cards.filter(Boolean));
        document.body.dataset.mine = String(list.children.length);
      });
    });
  }
  $('refresh').addEventListener('click', renderMine);
  $('track-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const number = $('track-number').value.trim();
    const code = $('track-code').value.trim();
    if (number && code) { remember({ number, code }); renderMine(); }
  });
  // a resident who signs in lands here on their reports: /snap?tab=mine
  if (params.get('tab') === 'mine') show('mine');
})();

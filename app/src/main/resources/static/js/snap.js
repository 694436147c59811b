// Residents' snap-and-report: photos, a place, a sentence; then follow the report and rate it.
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
  const errorText = (body) => (body && (body.detail || body.message)) || 'Error';

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
    .setView([29.5630, 106.5516], 15);
  if (cfg.tiles) L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
  const outlines = L.layerGroup().addTo(map);
  let marker = null;
  let place = null;
  let shownCommunity = null;
  function setPlace(lat, lon) {
    if (marker) marker.setLatLng([lat, lon]); else marker = L.circleMarker([lat, lon], { radius: 9, color: '#ff4d4f', weight: 3, fillOpacity: 0.6 }).addTo(map);
    CG.json('/api/v1/public/geo/locate?lon=' + lon + '&lat=' + lat).then((p) => {
      place = { lon, lat };
      $('place').textContent = [p.district.name, p.street.name, p.community.name, p.grid.name].join(' · ') + (p.road ? ' · ' + p.road : '');
      $('place').classList.remove('bad');
      if (shownCommunity !== p.community.code) {
        shownCommunity = p.community.code;
        CG.json('/api/v1/public/geo/around.geojson?lon=' + lon + '&lat=' + lat).then((fc) => {
          outlines.clearLayers();
          const layer = L.geoJSON(fc, { style: () => ({ color: '#33d1ff', weight: 1.5, fillColor: '#1f6fd1', fillOpacity: 0.12 }) })
            .addTo(outlines);
          // show the whole community with its grids, the pin inside it
          map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        });
      }
    }).catch((body) => {
      place = null;
      $('place').textContent = errorText(body);
      $('place').classList.add('bad');
    });
  }
  map.on('click', (e) => setPlace(e.latlng.lat, e.latlng.lng));
  // a QR code on a lamp post or a notice board opens the page at its place: /snap?lon=..&lat=..
  const params = new URLSearchParams(location.search);
  if (params.has('lon') && params.has('lat')) {
    const lon = Number(params.get('lon'));
    const lat = Number(params.get('lat'));
    if (isFinite(lon) && isFinite(lat)) {
      map.setView([lat, lon], 16);
      setPlace(lat, lon);
    }
  }
  $('use-location').addEventListener('click', () => {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((pos) => {
      map.setView([pos.coords.latitude, pos.coords.longitude], 16);
      setPlace(pos.coords.latitude, pos.coords.longitude);
    }, (err) => { $('place').textContent = err.message; }, { enableHighAccuracy: true, timeout: 10000 });
  });

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
      o.textContent = cfg.lang === 'en' ? c.nameEn : c.nameZh;
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
          chip.textContent = (cfg.lang === 'en' ? s.nameEn : s.nameZh) + ' ' + Math.round(s.score * 100) + '%';
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
    what.textContent = (cfg.lang === 'en' ? report.categoryNameEn : report.categoryNameZh) + ' · ' + report.district + ' ' + report.street
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

  function renderMine() {
    const list = $('my-reports');
    const entries = mine();
    if (!entries.length) { list.innerHTML = '<li class="empty"></li>'; list.firstChild.textContent = T.empty; return Promise.resolve(); }
    return Promise.all(entries.map((e) => CG.json(API + '/reports/' + encodeURIComponent(e.number) + '?code=' + encodeURIComponent(e.code))
      .then((r) => card(r, e)).catch(() => null))).then((cards) => {
      list.innerHTML = '';
      cards.filter(Boolean).forEach((c) => list.appendChild(c));
    });
  }
  $('refresh').addEventListener('click', renderMine);
  $('track-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const number = $('track-number').value.trim();
    const code = $('track-code').value.trim();
    if (number && code) { remember({ number, code }); renderMine(); }
  });
})();

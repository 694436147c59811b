// The grid worker's phone page: the open cases of their grid with the deadline light and the time
// left, each a link to its desk; and reporting a problem on patrol (巡查上报) with a photo, the place
// and a suggested category. A grid worker's report from their own grid starts verified (the loop's rule).
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const T = cfg.text;
  const $ = (id) => document.getElementById(id);
  const fmt = (template, ...values) => values.reduce((s, v, i) => s.replace('{' + i + '}', v), template);
  const name = (c) => CG.inLanguage(c.nameZh, c.nameEn);

  // ---- my cases
  function span(minutes) {
    if (minutes < 60) return fmt(T.minutes, minutes);
    if (minutes < 48 * 60) return fmt(T.hours, Math.floor(minutes / 60), minutes % 60);
    return fmt(T.days, Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60));
  }

  /** "2 小时 5 分" left or overdue by, in wall time to the stage's deadline. */
  function timeLeft(stage) {
    if (!stage || !stage.deadline) return T.noClock;
    const minutes = Math.round((new Date(stage.deadline).getTime() - Date.now()) / 60000);
    return minutes >= 0 ? fmt(T.left, span(minutes)) : fmt(T.overdueBy, span(-minutes));
  }

  function item(c) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '/m/cases/' + encodeURIComponent(c.id);
    a.dataset.caseId = c.id;
    a.dataset.state = c.state;
    const light = (c.stage && c.stage.light) || 'NONE';
    a.dataset.light = light;
    const top = document.createElement('div');
    top.className = 'row';
    const dot = document.createElement('span');
    dot.className = 'dot ' + light;
    dot.title = T.lights[light] || '';
    const category = document.createElement('b');
    category.textContent = name(c.category);
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = cfg.states[c.state] || c.state;
    top.append(dot, category, state);
    const bottom = document.createElement('div');
    bottom.className = 'row sub';
    const number = document.createElement('span');
    number.textContent = c.number + (c.urgent ? ' · ' + T.urgent : '');
    const left = document.createElement('span');
    left.className = 'left ' + light;
    left.textContent = timeLeft(c.stage);
    bottom.append(number, left);
    const description = document.createElement('div');
    description.className = 'desc';
    description.textContent = c.description;
    a.append(top, bottom, description);
    li.appendChild(a);
    return li;
  }

  function loadCases() {
    return CG.json('/api/v1/cases?queue=team&size=200').then((page) => {
      const ul = $('my-cases');
      ul.replaceChildren();
      if (!page.items.length) {
        const li = document.createElement('li');
        li.className = 'empty';
        li.id = 'my-cases-empty';
        li.textContent = T.empty;
        ul.appendChild(li);
      }
      page.items.forEach((c) => ul.appendChild(item(c)));
      document.body.dataset.loaded = 'true';
    });
  }
  loadCases();
  // the time left moves on while the page stays open
  setInterval(loadCases, 60000);

  // ---- reporting a problem
  const form = $('report-form');
  let map = null;
  let marker = null;
  let place = null;
  let photo = null;
  let outlinesOf = null;

  function openForm() {
    form.hidden = false;
    $('report-open').hidden = true;
    $('report-done').hidden = true;
    if (!map) {
      const still = navigator.webdriver === true;
      map = L.map('report-map', { attributionControl: false, zoomAnimation: !still, fadeAnimation: !still })
        .setView([cfg.center[1], cfg.center[0]], 15);
      if (cfg.tiles) L.tileLayer(cfg.tiles, { maxZoom: 19 }).addTo(map);
      map.on('click', (e) => setPlace(e.latlng.lat, e.latlng.lng));
      showOutlines(cfg.center[0], cfg.center[1]);
    }
    setTimeout(() => map.invalidateSize(), 0);
  }

  function closeForm() {
    form.hidden = true;
    $('report-open').hidden = false;
  }

  const outlines = () => (outlinesOf ? outlinesOf : (outlinesOf = L.layerGroup().addTo(map)));
  function showOutlines(lon, lat) {
    CG.json('/api/v1/public/geo/around.geojson?lon=' + lon + '&lat=' + lat).then((fc) => {
      outlines().clearLayers();
      L.geoJSON(fc, {
        style: () => ({ color: '#1f6fd1', weight: 1.2, fillColor: '#1f6fd1', fillOpacity: 0.06 }),
        onEachFeature: (f, layer) => layer.bindTooltip(CG.lines(f.properties && f.properties.name), { sticky: true })
      }).addTo(outlines());
    }).catch(() => {});
  }

  function setPlace(lat, lon) {
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.circleMarker([lat, lon], { radius: 9, color: '#ff4d4f', weight: 3, fillOpacity: 0.6 }).addTo(map);
    CG.json('/api/v1/public/geo/locate?lon=' + lon + '&lat=' + lat).then((p) => {
      place = { lon, lat };
      $('report-place').textContent = [p.street.name, p.community.name, p.grid.name].join(' · ') + (p.road ? ' · ' + p.road : '');
      $('report-place').classList.remove('bad');
    }).catch((body) => {
      place = null;
      $('report-place').textContent = errorText(body);
      $('report-place').classList.add('bad');
    });
  }

  $('report-open').addEventListener('click', openForm);
  $('report-cancel').addEventListener('click', closeForm);
  $('report-locate').addEventListener('click', () => {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition((pos) => {
      map.setView([pos.coords.latitude, pos.coords.longitude], 17);
      setPlace(pos.coords.latitude, pos.coords.longitude);
    }, (err) => { $('report-place').textContent = err.message; }, { enableHighAccuracy: true, timeout: 10000 });
  });

  $('report-photo').addEventListener('change', (e) => {
    photo = e.target.files[0] || null;
    const box = $('report-preview');
    box.replaceChildren();
    if (photo) {
      const img = document.createElement('img');
      img.src = URL.createObjectURL(photo);
      img.alt = photo.name;
      box.appendChild(img);
    }
  });

  CG.json('/api/v1/catalog/categories').then((items) => {
    const groups = new Map();
    items.forEach((c) => {
      const group = CG.inLanguage(c.majorZh, c.majorEn);
      if (!groups.has(group)) {
        const g = document.createElement('optgroup');
        g.label = group;
        groups.set(group, g);
        $('report-category').appendChild(g);
      }
      const o = document.createElement('option');
      o.value = c.code;
      o.textContent = name(c);
      groups.get(group).appendChild(o);
    });
  });

  // suggestions while typing, from the same classifier as every channel
  let typing = null;
  $('report-description').addEventListener('input', () => {
    clearTimeout(typing);
    const text = $('report-description').value.trim();
    const box = $('report-suggestions');
    if (text.length < 4) { box.replaceChildren(); return; }
    typing = setTimeout(() => {
      CG.json('/api/v1/intake/classify', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text }) }).then((result) => {
        box.replaceChildren();
        const label = document.createElement('span');
        label.textContent = T.suggested;
        box.appendChild(label);
        result.suggestions.slice(0, 3).forEach((s, i) => {
          const chip = document.createElement('button');
          chip.type = 'button';
          chip.className = 'chip';
          chip.dataset.category = s.category;
          chip.textContent = name(s) + ' ' + Math.round(s.score * 100) + '%';
          chip.addEventListener('click', () => pick(s.category));
          box.appendChild(chip);
          // the best guess is taken unless the worker chose already
          if (i === 0 && !$('report-category').value) pick(s.category);
        });
        if (result.urgency && result.urgency.urgent) $('report-urgent').checked = true;
      }).catch(() => {});
    }, 400);
  });
  function pick(code) {
    $('report-category').value = code;
    $('report-suggestions').querySelectorAll('.chip').forEach((c) => c.classList.toggle('picked', c.dataset.category === code));
  }

  function errorText(body) {
    return CG.refusal(body, Object.assign({ UNKNOWN: T.other }, cfg.errors));
  }

  function fail(code) {
    $('report-error').textContent = errorText({ code });
    $('report-error').hidden = false;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    $('report-error').hidden = true;
    const description = $('report-description').value.trim();
    if (!description) return fail('INVALID_DESCRIPTION');
    if (!place) return fail('LOCATION_REQUIRED');
    if (!$('report-category').value) return fail('CATEGORY_REQUIRED');
    $('report-submit').disabled = true;
    $('report-submit').textContent = T.sending;
    const body = { category: $('report-category').value, description, lon: place.lon, lat: place.lat,
      urgent: $('report-urgent').checked, channel: 'GRID_WORKER' };
    CG.json('/api/v1/cases', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then((created) => {
        const done = $('report-done');
        done.dataset.caseId = created.id;
        done.dataset.state = created.state;
        done.textContent = fmt(T.sent, created.number, cfg.states[created.state] || created.state);
        if (!photo) return created;
        const data = new FormData();
        data.append('file', photo, photo.name);
        return CG.json('/api/v1/cases/' + created.id + '/attachments', { method: 'POST', body: data })
          .catch((b) => { done.textContent += ' · ' + fmt(T.photoFailed, errorText(b)); })
          .then(() => created);
      })
      .then(() => {
        form.reset();
        photo = null;
        place = null;
        $('report-preview').replaceChildren();
        $('report-suggestions').replaceChildren();
        $('report-place').textContent = T.noPlace;
        if (marker) { marker.remove(); marker = null; }
        closeForm();
        $('report-done').hidden = false;
        return loadCases();
      })
      .catch((b) => {
        $('report-error').textContent = errorText(b);
        $('report-error').hidden = false;
      })
      .finally(() => {
        $('report-submit').disabled = false;
        $('report-submit').textContent = T.submit;
      });
  });
  // ---- today's duty tasks (grid workers): first on the page; tick one off with an optional photo and the
  // phone's position (the server flags a tick far from the task's place, shown here), or turn a finding into a case
  const D = cfg.duty;
  const dutyList = $('duty-tasks');
  const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const title = (t) => CG.inLanguage(t.titleZh, t.titleEn);
  const subjectText = (s) => [D.kinds[s.kind] || '', s.name || '', s.address || ''].filter(Boolean).join(' · ');

  /**
   * The phone's position, or null when the phone has none or says no (then the tick goes without it);
   * maxAge: how old a position the phone may answer from its cache (a tick takes one of the last 30 s).
   */
  function position(maxAge = 30000) {
    if (!navigator.geolocation) return Promise.resolve(null);
    return new Promise((resolve) => navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy }),
      () => resolve(null), { enableHighAccuracy: true, timeout: 8000, maximumAge: maxAge }));
  }

  function flagText(done) {
    if (!done || !done.flag) return '';
    return fmt(D.flags[done.flag] || done.flag, done.distanceMeters == null ? '' : Math.round(done.distanceMeters));
  }

  function taskItem(t) {
    const li = CG.el('li', 'task ' + t.state);
    li.dataset.taskId = t.id;
    li.dataset.state = t.state;
    const top = CG.el('div', 'row');
    top.append(CG.el('b', null, title(t)),
      CG.el('span', 'state', t.state === 'DONE' ? fmt(D.doneAt, CG.time(t.done && t.done.at).slice(-8, -3)) : ''));
    li.append(top, CG.el('div', 'desc subject', subjectText(t.subject || {})));
    if (t.done && t.done.flag) {
      const flag = CG.el('div', 'flag', flagText(t.done));
      flag.dataset.flag = t.done.flag;
      li.append(flag);
    }
    const actions = CG.el('div', 'task-actions');
    if (t.state === 'OPEN') {
      const tick = CG.el('button', 'small tick', D.tick);
      tick.type = 'button';
      tick.addEventListener('click', () => openTick(li, t));
      actions.append(tick);
    }
    const toCase = CG.el('button', 'small secondary to-case', D.toCase);
    toCase.type = 'button';
    toCase.addEventListener('click', () => findingToCase(t));
    actions.append(toCase);
    li.append(actions);
    return li;
  }

  /** The inline tick form under a task: a photo and a note, both optional; the position is taken on sending. */
  function openTick(li, t) {
    if (li.querySelector('form')) return;
    const form = document.createElement('form');
    form.className = 'tick-form';
    form.noValidate = true;
    const photoLabel = document.createElement('label');
    photoLabel.className = 'photo-button';
    const photoText = document.createElement('span');
    photoText.textContent = D.photo;
    const file = document.createElement('input');
    file.type = 'file';
    file.accept = 'image/jpeg,image/png';
    file.setAttribute('capture', 'environment');
    file.className = 'visually-hidden tick-photo';
    photoLabel.append(photoText, file);
    file.addEventListener('change', () => { photoText.textContent = file.files[0] ? file.files[0].name : D.photo; });
    const note = document.createElement('textarea');
    note.rows = 2;
    note.maxLength = 1000;
    note.placeholder = D.note;
    note.className = 'tick-note';
    const error = document.createElement('div');
    error.className = 'msg error';
    error.hidden = true;
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary';
    cancel.textContent = D.cancel;
    cancel.addEventListener('click', () => form.remove());
    const send = document.createElement('button');
    send.type = 'submit';
    send.className = 'tick-send';
    send.textContent = D.confirm;
    buttons.append(cancel, send);
    form.append(photoLabel, note, error, buttons);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      send.disabled = true;
      send.textContent = D.locating;
      error.hidden = true;
      position().then((p) => {
        send.textContent = D.sending;
        const data = new FormData();
        if (p) { data.append('lon', String(p.lon)); data.append('lat', String(p.lat)); }
        if (note.value.trim()) data.append('note', note.value.trim());
        if (file.files[0]) data.append('photo', file.files[0], file.files[0].name);
        return CG.json('/api/v1/duty/tasks/' + encodeURIComponent(t.id) + '/done', { method: 'POST', body: data });
      }).then((updated) => {
        li.replaceWith(taskItem(updated));
        countTasks();
      }).catch((b) => {
        error.textContent = errorText(b);
        error.hidden = false;
        send.disabled = false;
        send.textContent = D.confirm;
      });
    });
    li.append(form);
  }

  /** A finding on a task becomes a case in one step: the report form opens at the task's place, its text begun. */
  function findingToCase(t) {
    openForm();
    map.setView([t.place.lat, t.place.lon], 17);
    setPlace(t.place.lat, t.place.lon);
    const s = t.subject || {};
    $('report-description').value = fmt(D.findingText, title(t), s.kind === 'GRID' ? '' : (s.name ? s.name + ' ' : ''));
    $('report-description').focus();
    form.dataset.fromTask = t.id;
    form.scrollIntoView({ block: 'start' });
  }

  function countTasks() {
    const all = dutyList.querySelectorAll('li.task');
    const done = dutyList.querySelectorAll('li.task[data-state="DONE"]');
    $('duty-count').textContent = all.length ? fmt(D.count, done.length, all.length) : '';
  }

  function loadTasks() {
    // a tick being written is not swept away by the refresh
    if (dutyList.querySelector('form')) return Promise.resolve();
    return CG.json('/api/v1/duty/tasks?date=' + today()).then((tasks) => {
      dutyList.replaceChildren();
      if (!tasks.length) {
        const li = document.createElement('li');
        li.className = 'empty';
        li.textContent = D.empty;
        dutyList.appendChild(li);
      }
      // open tasks first, then those done; the server's order (item, subject) within each
      tasks.filter((t) => t.state === 'OPEN').concat(tasks.filter((t) => t.state !== 'OPEN')).forEach((t) => dutyList.appendChild(taskItem(t)));
      countTasks();
      document.body.dataset.tasksLoaded = 'true';
    }).catch((b) => {
      dutyList.replaceChildren();
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = errorText(b);
      dutyList.appendChild(li);
    });
  }

  // ---- sharing the position while on duty: only after the worker turns it on; every 2 minutes while the page is open
  const SHARE_EVERY = 2 * 60 * 1000;
  let sharing = null;
  function shareOnce() {
    // where the worker is now, not where the last tick was
    return position(0).then((p) => {
      if (!p) { $('duty-sharing-state').textContent = D.sharingDenied; return; }
      return CG.json('/api/v1/duty/positions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lon: p.lon, lat: p.lat, accuracy: Math.round(p.accuracy || 0) }) })
        .then(() => { $('duty-sharing-state').textContent = fmt(D.sharedAt, CG.time(new Date())); $('duty').dataset.shared = 'true'; })
        .catch((b) => { $('duty-sharing-state').textContent = errorText(b); });
    });
  }
  function setSharing(on, retention) {
    clearInterval(sharing);
    sharing = null;
    $('duty-sharing').checked = on;
    $('duty').dataset.sharing = String(on);
    $('duty-sharing-state').textContent = on ? fmt(D.sharing, retention) : D.sharingOff;
    if (on) {
      shareOnce();
      sharing = setInterval(shareOnce, SHARE_EVERY);
    }
  }

  if (dutyList) {
    loadTasks();
    CG.json('/api/v1/duty/positions/consent').then((c) => setSharing(c.consented, c.retentionHours)).catch(() => {});
    $('duty-sharing').addEventListener('change', (e) => {
      const on = e.target.checked;
      CG.json('/api/v1/duty/positions/consent', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ consented: on }) })
        .then((c) => setSharing(c.consented, c.retentionHours))
        .catch((b) => { e.target.checked = !on; $('duty-sharing-state').textContent = errorText(b); });
    });
    setInterval(loadTasks, 5 * 60000);
  }
})();

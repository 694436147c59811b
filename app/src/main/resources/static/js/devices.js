// The devices of the user's territory: filtered by profile, unit, connection and alarms, a page at a time.
(function () {
  'use strict';
  const S = window.CG_SENSING;
  const PAGE = 100;
  const body = document.querySelector('#devices tbody');
  const more = document.getElementById('more');
  const shown = document.getElementById('shown');
  let after = null;

  const cell = (value, className) => {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = value == null ? '' : String(value);
    td.title = td.textContent;
    return td;
  };
  function query() {
    const p = new URLSearchParams({ limit: String(PAGE) });
    ['profile', 'unit', 'online', 'alarm'].forEach((name) => {
      const v = document.getElementById('f-' + name).value;
      if (v) p.set(name, v);
    });
    if (after) p.set('after', after);
    return '/api/v1/devices?' + p.toString();
  }
  function row(d) {
    const tr = document.createElement('tr');
    tr.dataset.deviceId = d.id;
    tr.className = 'state-' + d.state + (d.alarms.unacknowledged > 0 ? ' unacked' : '');
    tr.tabIndex = 0;
    const place = [d.place.streetName, d.place.communityName, d.place.gridName].filter(Boolean).join(' · ');
    const alarms = d.alarms.active > 0 ? S.word('severities', d.alarms.severity) + ' × ' + d.alarms.active : '—';
    tr.append(cell(d.id, 'mono'), cell(d.name), cell(S.word('profiles', d.profile)), cell(place), cell(S.word('states', d.state), 'state'),
      cell(alarms, 'alarms'), cell(CG.time(d.lastContact)));
    const open = () => { window.location.href = '/devices/' + encodeURIComponent(d.id); };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
    return tr;
  }
  function load(reset) {
    if (reset) {
      after = null;
      body.textContent = '';
    }
    return CG.json(query()).then((page) => {
      page.items.forEach((d) => body.append(row(d)));
      after = page.items.length ? page.items[page.items.length - 1].id : after;
      more.hidden = page.items.length < PAGE;
      shown.textContent = String(body.children.length);
      document.body.dataset.ready = 'true';
    }).catch((e) => { shown.textContent = CG.refusal(e); });
  }
  document.getElementById('filters').addEventListener('submit', (e) => { e.preventDefault(); load(true); });
  more.addEventListener('click', () => load(false));
  load(true);
})();

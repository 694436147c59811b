// The map's sensors layer (sensing): the user's IoT devices as dots coloured by state (normal, offline, alarm),
// flashing while an alarm is unacknowledged; kept live by the server-sent event "alarm", which also feeds the
// screen's ticker. map.js lists `overlay` in its OVERLAYS and hands `onAlarm` / `seed` its ticker.
window.CG_SENSOR_LAYER = (function () {
  'use strict';
  const S = window.CG_SENSING;
  const markers = new Map();
  const iconOf = (d) => L.divIcon({ className: 'sensor-icon state-' + d.state + (d.alarms.unacknowledged > 0 ? ' unacked' : ''), iconSize: [10, 10] });
  const tipOf = (d) => CG.lines(d.name + ' · ' + S.word('profiles', d.profile),
    S.word('states', d.state) + (d.alarms.active > 0 ? ' · ' + S.word('severities', d.alarms.severity) + ' × ' + d.alarms.active : ''), d.id);
  function decorate(m, d) {
    const el = m.getElement();
    if (!el) return;
    el.dataset.deviceId = d.id;
    el.dataset.state = d.state;
    el.dataset.unacked = String(d.alarms.unacknowledged);
  }
  const overlay = {
    key: 'sensors', url: '/api/v1/sensing/map', label: S.text('layer'),
    legend: ['NORMAL', 'OFFLINE', 'ALARM'].map((s) => ({ className: 'sensor-icon state-' + s, label: S.word('states', s) }))
      .concat([{ className: 'sensor-icon state-ALARM unacked', label: S.text('layer.alarmUnacked') }]),
    marker: (d) => {
      const m = L.marker([d.lat, d.lon], { icon: iconOf(d), keyboard: false }).bindTooltip(tipOf(d));
      m.on('add', () => decorate(m, d));
      m.on('click', () => { window.location.href = '/devices/' + encodeURIComponent(d.id); });
      markers.set(d.id, m);
      return m;
    }
  };
  function tick(a, name) {
    return { key: 'alarm:' + a.alarmId + ':' + (a.change || 'RAISED'), kind: 'alarm', at: a.at,
      title: S.word('alarmTypes', a.type) + ' · ' + name, detail: S.word('severities', a.severity) + ' · ' + S.word('statuses', a.status),
      href: '/devices/' + encodeURIComponent(a.deviceId) };
  }
  /** An alarm changed: the device's dot takes its new state; a raised or escalated alarm goes to the ticker. */
  function onAlarm(a, ticker) {
    CG.json('/api/v1/devices/' + encodeURIComponent(a.deviceId)).then((d) => {
      const m = markers.get(d.id);
      if (m) {
        m.setIcon(iconOf(d));
        m.setTooltipContent(tipOf(d));
        decorate(m, d);
      }
      if (a.change === 'RAISED' || a.change === 'ESCALATED') ticker.push(tick(a, d.name));
    }).catch(() => {});
  }
  /** The ticker starts with the active alarms nobody acknowledged yet. */
  function seed(ticker) {
    return CG.json('/api/v1/alarms?active=true&limit=10').then((r) => r.items.filter((a) => !a.acknowledgedAt)
      .forEach((a) => ticker.push(tick({ alarmId: a.id, deviceId: a.deviceId, type: a.type, severity: a.severity, status: a.status,
        at: a.startedAt, change: 'RAISED' }, a.deviceId), true))).catch(() => {});
  }
  return { overlay, onAlarm, seed, markers };
})();

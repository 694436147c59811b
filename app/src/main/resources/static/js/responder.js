// The responder's phone (/m): the incidents that call on the signed-in unit member, with "confirm", "on my way"
// and "arrived" (each offered only while it can still be pressed; the server records the time, so arrival
// times are measured), and the open response tasks of their post or community with accept / done. Live.
(function () {
  'use strict';
  const R = window.CG_RESPONSE;
  const section = document.getElementById('responder');
  const C = R.config(section);
  const T = C.t;
  const el = R.el;
  const NEXT = { PROPOSED: ['confirm', 'on-the-way', 'arrived'], CONFIRMED: ['on-the-way', 'arrived'], ON_THE_WAY: ['arrived'], ARRIVED: [] };
  const LABEL = { confirm: T.confirm, 'on-the-way': T.onTheWay, arrived: T.arrived };
  const planName = (row) => CG.inLanguage(row.planNameZh, row.planNameEn);
  function failed(text) {
    const e = document.getElementById('responder-error');
    e.textContent = text || '';
    e.hidden = !text;
  }

  function card(row) {
    const r = row.responder;
    const box = el('div', 'responder-card state-' + r.state);
    Object.assign(box.dataset, { incidentId: row.incidentId, memberId: r.memberId, state: r.state });
    box.append(el('div', 'what', planName(row)),
      el('div', 'meta', T['ring.' + r.ring] + ' · ' + R.fill(T.walk, r.walkingMinutes.toFixed(1))),
      el('div', 'meta state', T['responder.' + r.state] + (r.arrivalSeconds != null ? ' · ' + T.arrivedAfter + ' '
        + R.arrival(T, r.arrivalSeconds) : '')));
    const buttons = el('div', 'buttons');
    NEXT[r.state].forEach((step) => {
      const b = el('button', 'respond ' + step, LABEL[step]);
      b.type = 'button';
      b.dataset.step = step;
      b.addEventListener('click', () => {
        b.disabled = true;
        R.post('/api/v1/incidents/' + encodeURIComponent(row.incidentId) + '/responders/' + encodeURIComponent(r.memberId) + '/' + step)
          .then(() => { failed(''); load(); }).catch((e) => { b.disabled = false; failed(R.refusal(T, e)); });
      });
      buttons.append(b);
    });
    box.append(buttons);
    return box;
  }

  function taskRow(row) {
    const t = row.task;
    const li = el('li', 'task state-' + t.state);
    Object.assign(li.dataset, { taskId: t.id, incidentId: row.incidentId, state: t.state });
    li.append(el('b', null, t.nameZh), el('span', 'meta', ' · ' + planName(row) + ' · ' + T['task.' + t.state]),
      el('div', 'meta', R.due(T, t)), R.taskButtons(T, row.incidentId, t, R.holds(C, t), load, failed));
    return li;
  }

  function load() {
    return Promise.all([CG.json('/api/v1/response/proposals').catch(() => []), CG.json('/api/v1/response/tasks').catch(() => [])])
      .then(([proposals, tasks]) => {
        document.getElementById('my-proposals').replaceChildren(...proposals.map(card));
        document.getElementById('my-response-tasks').replaceChildren(...tasks.map(taskRow));
        section.hidden = proposals.length === 0 && tasks.length === 0;
        section.dataset.loaded = String(proposals.length + tasks.length);
      });
  }
  let pending = null;
  R.live(() => { clearTimeout(pending); pending = setTimeout(load, 300); });
  load();
})();

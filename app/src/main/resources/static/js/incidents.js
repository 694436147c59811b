// The incidents of the user's territory and the open tasks of their post (their queue), with the accept and
// done buttons of the tasks they hold; both reload live when the stream hears of an incident change.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const R = window.CG_RESPONSE;
  const T = R.words();
  const el = R.el;
  const planName = (row) => CG.inLanguage(row.planNameZh, row.planNameEn);
  const stateSelect = document.getElementById('incident-state');
  const failed = (text) => CG.showMessage('queue-error', text);
  const empty = (cols, text) => {
    const tr = el('tr', 'none');
    const td = el('td', null, text);
    td.colSpan = cols;
    tr.append(td);
    return tr;
  };

  function loadQueue() {
    return CG.json('/api/v1/response/tasks').then((rows) => {
      const body = document.querySelector('#task-queue tbody');
      rows.sort((a, b) => String(a.task.deadline).localeCompare(String(b.task.deadline)));
      body.replaceChildren(...rows.map((row) => {
        const t = row.task;
        const tr = el('tr', 'task state-' + t.state);
        Object.assign(tr.dataset, { taskId: t.id, incidentId: row.incidentId, state: t.state, step: t.step });
        const plan = el('td');
        const a = el('a', null, planName(row));
        a.href = '/incidents/' + encodeURIComponent(row.incidentId);
        plan.append(a);
        const buttons = el('td');
        buttons.append(R.taskButtons(T, row.incidentId, t, R.holds(cfg, t), () => { failed(''); refresh(); }, failed));
        tr.append(plan, el('td', null, t.nameZh + ' · ' + T['task.' + t.state]), el('td', null, R.postName(T, cfg.departments, t)),
          el('td', 'due', R.due(T, t) + (t.escalatedTo ? ' · ' + R.escalated(T, t) : '')), buttons);
        return tr;
      }));
      if (rows.length === 0) body.append(empty(5, T.noTasks));
      document.getElementById('task-queue').dataset.loaded = String(rows.length);
    });
  }

  function loadList() {
    const state = stateSelect.value;
    return CG.json('/api/v1/incidents?limit=100' + (state ? '&state=' + state : '')).then((list) => {
      const body = document.querySelector('#incident-list tbody');
      body.replaceChildren(...list.map((i) => {
        const tr = el('tr', 'incident state-' + i.state + (i.unconfirmedTasks > 0 && i.state === 'OPEN' ? ' flashing' : ''));
        tr.dataset.incidentId = i.id;
        tr.tabIndex = 0;
        const name = el('td');
        const a = el('a', null, planName(i));
        a.href = '/incidents/' + encodeURIComponent(i.id);
        name.append(a, el('span', 'state-tag ' + i.state, T['state.' + i.state]));
        const done = i.tasks.filter((t) => t.state === 'DONE').length;
        const arrived = i.responders.filter((r) => r.state === 'ARRIVED').length;
        tr.append(name, el('td', null, CG.time(i.openedAt)), el('td', null, done + ' / ' + i.tasks.length + ' ' + T['task.DONE']),
          el('td', 'n', i.state === 'OPEN' ? i.unconfirmedTasks : '—'), el('td', null, arrived + ' / ' + i.responders.length + ' ' + T['responder.ARRIVED']));
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.location.href = a.href; });
        return tr;
      }));
      if (list.length === 0) body.append(empty(5, T.noIncidents));
      document.getElementById('incident-list').dataset.loaded = String(list.length);
    });
  }

  function refresh() {
    return Promise.all([loadQueue(), loadList()]).then(() => { document.body.dataset.loaded = 'true'; });
  }
  let pending = null;
  R.live(() => { clearTimeout(pending); pending = setTimeout(refresh, 300); });
  stateSelect.addEventListener('change', loadList);
  refresh();
  setInterval(refresh, 60000);
})();

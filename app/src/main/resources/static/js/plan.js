// One response plan: the current version's steps in words (post or department, time limit, the steps each
// waits for, whether it goes up at once), escalation target and closing checklist; the version history
// (any version can be shown); and, for the owning center and administrators, the step editor that
// publishes a new version. A refusal names its step: the message is shown beside that step.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  const R = window.CG_RESPONSE;
  const T = R.words();
  const el = R.el;
  const code = cfg.planCode;
  const base = '/api/v1/response/plans/' + encodeURIComponent(code);
  const name = (p) => CG.inLanguage(p.nameZh, p.nameEn);
  const showError = CG.showMessage;
  let latest = null;

  // ---- the plan as published ----
  function renderFacts(p) {
    document.getElementById('plan-name').textContent = name(p);
    document.getElementById('plan-territory').textContent = (cfg.territories || {})[p.territoryCode] || p.territoryCode;
    document.getElementById('plan-version').textContent = 'v' + p.version;
    document.getElementById('plan-trigger').textContent = R.trigger(T, cfg.categories, p.trigger);
    document.getElementById('plan-escalation').textContent = T['escalation.' + p.escalationTarget] || p.escalationTarget;
    const items = p.checklist.map((c) => el('li', null, CG.inLanguage(c.textZh, c.textEn)));
    document.getElementById('plan-checklist').replaceChildren(...(items.length ? items : [el('li', 'none', T.none)]));
  }

  function renderSteps(p) {
    const names = {};
    p.steps.forEach((s) => { names[s.code] = CG.inLanguage(s.nameZh, s.nameEn); });
    document.querySelector('#plan-steps tbody').replaceChildren(...p.steps.map((s) => {
      const tr = el('tr', 'step');
      tr.dataset.step = s.code;
      const what = el('td');
      what.append(el('b', null, names[s.code]), el('span', 'code', ' ' + s.code));
      tr.append(what, el('td', 'holder', R.stepHolder(T, cfg.departments, s)), el('td', 'limit', R.limit(T, s.deadline)),
        el('td', 'after', s.after.length ? s.after.map((a) => names[a] || a).join('、') : T['plans.atOnce']),
        el('td', s.escalateAtStart ? 'up' : 'none', s.escalateAtStart ? T['escalation.' + p.escalationTarget] : '—'));
      return tr;
    }));
    const tag = document.getElementById('shown-version');
    const current = p.version === latest.version;
    tag.textContent = 'v' + p.version + ' · ' + (current ? T['plans.current'] : T['plans.older']);
    tag.className = 'state-tag' + (current ? '' : ' CLOSED');
    document.getElementById('plan').dataset.shownVersion = String(p.version);
  }

  function show(version) {
    if (version === latest.version) {
      renderSteps(latest);
      return Promise.resolve();
    }
    return CG.json(base + '/versions/' + version).then(renderSteps);
  }

  function renderVersions(list) {
    document.querySelector('#plan-versions tbody').replaceChildren(...list.map((v) => {
      const tr = el('tr', 'version' + (v.version === latest.version ? ' current' : ''));
      tr.dataset.version = String(v.version);
      const link = el('a', null, 'v' + v.version);
      link.href = '?version=' + v.version;
      link.addEventListener('click', (e) => { e.preventDefault(); show(v.version); });
      const first = el('td');
      first.append(link);
      tr.append(first, el('td', null, CG.time(v.createdAt)), el('td', null, v.createdBy === 'system' ? T['actor.system'] : v.createdByName || v.createdBy),
        el('td', null, v.steps));
      return tr;
    }));
  }

  function load(version) {
    return CG.json(base).then((p) => {
      latest = p;
      renderFacts(p);
      document.getElementById('edit-steps').hidden = !cfg.mayEdit;
      return Promise.all([CG.json(base + '/versions').then(renderVersions), show(version || p.version)]);
    }).then(() => { document.body.dataset.loaded = 'true'; });
  }

  // ---- the editor: one row per step ----
  const editor = document.getElementById('editor');
  const rows = document.getElementById('editor-steps');

  function option(value, text, selected) {
    const o = el('option', null, text);
    o.value = value;
    o.selected = selected;
    return o;
  }
  function input(cls, value, label, type) {
    const i = document.createElement('input');
    i.type = type || 'text';
    i.className = cls;
    i.value = value == null ? '' : String(value);
    i.setAttribute('aria-label', label);
    i.placeholder = label;
    return i;
  }
  function stepRow(s) {
    const row = el('div', 'editor-step');
    const holder = document.createElement('select');
    holder.className = 'f-holder';
    holder.setAttribute('aria-label', T.post);
    const posts = el('optgroup');
    posts.label = T['plans.posts'];
    (cfg.postCodes || []).forEach((p) => posts.append(option('post:' + p, T['post.' + p] || p, s.post === p)));
    const departments = el('optgroup');
    departments.label = T['plans.departments'];
    Object.entries(cfg.departments || {}).forEach(([c, n]) => departments.append(option('department:' + c, n, s.department === c)));
    holder.append(posts, departments);
    const clock = document.createElement('select');
    clock.className = 'f-clock';
    clock.setAttribute('aria-label', T['plans.clock']);
    ['URGENT_HOURS', 'WORK_HOURS', 'WORK_DAYS'].forEach((c) => clock.append(option(c, T['clockName.' + c], (s.deadline || {}).clock === c)));
    const amount = input('f-amount', s.deadline ? s.deadline.amount : '', T['plans.amount'], 'number');
    amount.min = '0';
    amount.step = 'any';
    const escalate = document.createElement('input');
    escalate.type = 'checkbox';
    escalate.className = 'f-escalate';
    escalate.checked = !!s.escalateAtStart;
    const escalateLabel = el('label', 'f-escalate-label');
    escalateLabel.append(escalate, document.createTextNode(' ' + T['plans.escalateAtStart']));
    const remove = el('button', 'small secondary remove', T['plans.remove']);
    remove.type = 'button';
    remove.addEventListener('click', () => row.remove());
    row.append(input('f-code', s.code, T['plans.stepCode']), input('f-nameZh', s.nameZh, T['plans.nameZh']),
      input('f-nameEn', s.nameEn, T['plans.nameEn']), holder, amount, clock,
      input('f-after', (s.after || []).join(', '), T['plans.after']), escalateLabel, remove, el('div', 'step-error'));
    return row;
  }
  function stepsFromEditor() {
    return [...rows.querySelectorAll('.editor-step')].map((row) => {
      const [kind, holder] = row.querySelector('.f-holder').value.split(':');
      const amount = row.querySelector('.f-amount').value.trim();
      return {
        code: row.querySelector('.f-code').value.trim(),
        nameZh: row.querySelector('.f-nameZh').value.trim(),
        nameEn: row.querySelector('.f-nameEn').value.trim() || null,
        post: kind === 'post' ? holder : null,
        department: kind === 'department' ? holder : null,
        deadline: { clock: row.querySelector('.f-clock').value, amount: amount === '' ? null : Number(amount) },
        after: row.querySelector('.f-after').value.split(/[,，\s]+/).filter((a) => a !== ''),
        escalateAtStart: row.querySelector('.f-escalate').checked
      };
    });
  }
  function clearRefusals() {
    rows.querySelectorAll('.editor-step').forEach((row) => {
      row.classList.remove('refused');
      delete row.dataset.refused;
      row.querySelector('.step-error').textContent = '';
    });
    showError('editor-error', '');
  }
  /** Puts a refusal beside the step it names (or above the buttons when it names none or a step no row has). */
  function refused(e) {
    clearRefusals();
    const row = e && e.step ? [...rows.querySelectorAll('.editor-step')].find((r) => r.querySelector('.f-code').value.trim() === e.step) : null;
    const text = R.refusal(T, e);
    if (!row) {
      showError('editor-error', e && e.step ? R.fill(T['plans.stepRefused'], e.step) + text : text);
      return;
    }
    row.classList.add('refused');
    row.dataset.refused = e.code;
    row.querySelector('.step-error').textContent = R.fill(T['plans.stepRefused'], e.step) + text;
    row.querySelector('.f-code').focus();
  }

  document.getElementById('edit-steps').addEventListener('click', () => {
    rows.replaceChildren(...latest.steps.map(stepRow));
    clearRefusals();
    editor.hidden = false;
    show(latest.version);
  });
  document.getElementById('cancel-edit').addEventListener('click', () => { editor.hidden = true; });
  document.getElementById('add-step').addEventListener('click', () => {
    const used = new Set([...rows.querySelectorAll('.f-code')].map((i) => i.value.trim()));
    let n = used.size + 1;
    while (used.has('S' + n)) n++;
    rows.append(stepRow({ code: 'S' + n, deadline: { clock: 'URGENT_HOURS', amount: 1 }, after: [] }));
  });
  document.getElementById('publish').addEventListener('click', (ev) => {
    const button = ev.currentTarget;
    button.disabled = true;
    const body = {
      code: latest.code, nameZh: latest.nameZh, nameEn: latest.nameEn, territoryCode: latest.territoryCode, trigger: latest.trigger,
      escalationTarget: latest.escalationTarget, checklist: latest.checklist, steps: stepsFromEditor(), baseVersion: latest.version
    };
    R.post('/api/v1/response/plans', body).then((saved) => {
      editor.hidden = true;
      clearRefusals();
      return load(saved.version);
    }).catch(refused).then(() => { button.disabled = false; });
  });

  const asked = Number(new URLSearchParams(window.location.search).get('version'));
  load(asked > 0 ? asked : null).catch((e) => showError('editor-error', R.refusal(T, e)));
})();

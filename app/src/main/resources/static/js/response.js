// Shared by the response pages (incident situation, incidents and task queue, the phone's and the desk's
// response parts): codes as words in the page's language, deadlines in words, text-only DOM nodes, the
// task buttons that are offered only when they can succeed, and the live incident stream.
window.CG_RESPONSE = (function () {
  'use strict';
  /**
   * The response settings of a page: {t (words), posts (held by the user), mayCommand, departments (names)}: the
   * page's config on the response pages, a data-response attribute of an element elsewhere (the phone, the desk).
   */
  function config(el) {
    if (el && el.dataset.response) return JSON.parse(el.dataset.response);
    return window.CIVICGRID || {};
  }
  function words(el) {
    return config(el).t || {};
  }
  const el = CG.el;
  const fill = (template, value) => String(template || '{0}').replace('{0}', value);

  /** A duration in words: "2小时5分钟" / "2 h 5 min". */
  function duration(T, millis) {
    const minutes = Math.max(0, Math.round(Math.abs(millis) / 60000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    const sep = (window.CIVICGRID || {}).lang === 'en' ? ' ' : '';
    const parts = [];
    if (d) parts.push(d + sep + T['time.d']);
    if (h) parts.push(h + sep + T['time.h']);
    if (m || parts.length === 0) parts.push(m + sep + T['time.m']);
    return parts.join(sep);
  }
  /** A measured arrival: seconds under a minute, else minutes and hours. */
  function arrival(T, seconds) {
    return seconds < 60 ? seconds + ((window.CIVICGRID || {}).lang === 'en' ? ' ' : '') + T.seconds : duration(T, seconds * 1000);
  }
  /** A task's deadline in words relative to now, with the clock time. */
  function due(T, task, now) {
    if (!task.deadline) return T['due.none'];
    if (task.state === 'DONE') return CG.time(task.deadline);
    const left = new Date(task.deadline).getTime() - (now || Date.now());
    return fill(left >= 0 ? T['due.in'] : T['due.over'], duration(T, left)) + ' · ' + CG.time(task.deadline);
  }
  /** The post or department a task goes to, in words. */
  function postName(T, departments, task) {
    return T['post.' + task.post] || (departments || {})[task.post] || task.post;
  }
  /** Who a plan step goes to, in words: the street post or the department. */
  function stepHolder(T, departments, step) {
    if (step.post) return T['post.' + step.post] || step.post;
    return (departments || {})[step.department] || step.department || '—';
  }
  /** A step's time limit in words on its clock: "30分钟（全天计时）", "2 working days". */
  function limit(T, deadline) {
    if (!deadline || deadline.amount == null) return T['due.none'];
    const amount = Number(deadline.amount);
    const words = deadline.clock === 'WORK_DAYS' ? String(amount) : duration(T, amount * 3600000);
    return fill(T['clock.' + deadline.clock] || '{0}', words);
  }
  /** A plan's trigger in words: the case categories, the alarm types from a severity on, started by hand or by itself. */
  function trigger(T, categories, t) {
    const parts = [];
    if (t.categories && t.categories.length) {
      parts.push(fill(T['trigger.categories'], t.categories.map((c) => (categories || {})[c] || c).join('、')));
    }
    if (t.alarmTypes && t.alarmTypes.length) {
      parts.push(fill(T['trigger.alarms'], t.alarmTypes.map((a) => T['alarm.' + a] || a).join('、'))
        + ' · ' + fill(T['trigger.severity'], T['severity.' + t.minSeverity] || t.minSeverity));
    }
    parts.push(t.manual ? T['trigger.manual'] : T['trigger.automatic']);
    return parts.join('；');
  }
  function escalated(T, task) {
    if (!task.escalatedTo) return null;
    return task.escalatedTo === '500000' ? T['escalated.CITY'] : T['escalated.DISTRICT'];
  }
  /** A refusal in words (by its machine code), else "not done" with the code. */
  function refusal(T, body) {
    return CG.refusal(body, Object.assign({ 'refusal.UNKNOWN': T.failed }, T), 'refusal.');
  }
  function post(url, body) {
    return CG.json(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
  }
  /**
   * The buttons a task offers its holder: accept while unconfirmed, done while open or accepted.
   * {@code holds}: whether the signed-in user holds the task (their post, department, or a command center).
   */
  function taskButtons(T, incidentId, task, holds, done, failed) {
    const box = el('span', 'task-buttons');
    if (!holds) return box;
    const base = '/api/v1/incidents/' + encodeURIComponent(incidentId) + '/tasks/' + encodeURIComponent(task.id) + '/';
    const add = (label, action, cls) => {
      const b = el('button', 'small ' + cls, label);
      b.type = 'button';
      b.dataset.action = action;
      b.dataset.taskId = task.id;
      b.addEventListener('click', () => {
        b.disabled = true;
        post(base + action, action === 'done' ? { note: '' } : {}).then(done).catch((e) => { b.disabled = false; failed(refusal(T, e)); });
      });
      box.append(b);
    };
    if (task.state === 'OPEN') add(T.accept, 'accept', 'accept');
    if (task.state === 'OPEN' || task.state === 'ACCEPTED') add(T.done, 'done', 'done');
    return box;
  }
  /** Whether the user holds a task: a command center holds all; otherwise its post, department or the community's tasks. */
  function holds(C, task) {
    if (C.mayCommand) return true;
    return (C.posts || []).includes(task.post);
  }
  /** Calls back on every incident change the user's stream hears (scoped to their territory by the server). */
  function live(onIncident) {
    const source = new EventSource('/events/stream');
    source.addEventListener('hello', () => { document.body.dataset.live = 'true'; });
    source.addEventListener('incident', (e) => onIncident(JSON.parse(e.data)));
    return source;
  }
  return { config, words, el, fill, duration, arrival, due, postName, stepHolder, limit, trigger, escalated, refusal, post, taskButtons, holds, live };
})();

// The case desk's "start plan": the response plans whose trigger matches the case's category, each with a
// button only when the user may start it now (a command center, the case open, the plan not running on it
// yet), which starts the incident and leads to its situation page; a running plan links to its incident.
(function () {
  'use strict';
  const R = window.CG_RESPONSE;
  const section = document.getElementById('case-plans');
  if (!section) return;
  const C = R.config(section);
  const T = C.t;
  const el = R.el;
  const caseId = document.getElementById('desk').dataset.caseId;
  const name = (p) => CG.inLanguage(p.nameZh, p.nameEn);
  function failed(text) {
    const e = document.getElementById('case-plan-error');
    e.textContent = text || '';
    e.hidden = !text;
  }

  function load() {
    return CG.json('/api/v1/response/case-plans?caseId=' + encodeURIComponent(caseId)).then((plans) => {
      const shown = plans.filter((p) => p.startable || p.runningIncidentId);
      document.getElementById('case-plan-list').replaceChildren(...shown.map((p) => {
        const row = el('div', 'plan-row');
        row.dataset.plan = p.code;
        row.append(el('span', 'plan-name', name(p)));
        if (p.runningIncidentId) {
          const a = el('a', 'running', T.running + ' · ' + T.viewIncident);
          a.href = '/incidents/' + encodeURIComponent(p.runningIncidentId);
          row.append(a);
        } else {
          const b = el('button', 'start-plan', T.startPlan);
          b.type = 'button';
          b.dataset.plan = p.code;
          b.addEventListener('click', () => {
            b.disabled = true;
            R.post('/api/v1/incidents', { caseId, planCode: p.code })
              .then((incident) => { window.location.href = '/incidents/' + encodeURIComponent(incident.id); })
              .catch((e) => { b.disabled = false; failed(R.refusal(T, e)); load(); });
          });
          row.append(b);
        }
        return row;
      }));
      section.hidden = shown.length === 0;
      section.dataset.loaded = String(shown.length);
    }).catch(() => { section.hidden = true; });
  }
  load();
  // the case closed, or a plan started elsewhere: the buttons follow
  const source = new EventSource('/events/stream');
  source.addEventListener('case', (e) => { if (JSON.parse(e.data).caseId === caseId) load(); });
  source.addEventListener('incident', () => load());
})();

// Shared by the pages: their server values, JSON over the signed-in session (with its CSRF token),
// text that never becomes markup, and times in the city's zone.
// The page's server values come as JSON in <body data-config> (no inline script: the CSP allows none).
window.CIVICGRID = JSON.parse(document.body.dataset.config || '{}');
window.CG = (function () {
  'use strict';
  const lang = window.CIVICGRID.lang || 'zh';
  const meta = (name) => { const m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; };
  const csrfToken = meta('_csrf');
  const csrfHeader = meta('_csrf_header') || 'X-CSRF-TOKEN';
  const SAFE = ['GET', 'HEAD', 'OPTIONS'];

  /** fetch on this site with the session; a change carries the console page's CSRF token (public pages have none). */
  function send(url, options) {
    const o = Object.assign({ credentials: 'same-origin' }, options);
    const headers = new Headers(o.headers || {});
    if (csrfToken && !SAFE.includes((o.method || 'GET').toUpperCase())) headers.set(csrfHeader, csrfToken);
    o.headers = headers;
    return fetch(url, o);
  }

  return {
    fetch: send,
    json(url, options) {
      const o = Object.assign({}, options);
      o.headers = Object.assign({ Accept: 'application/json' }, o.headers);
      return send(url, o)
        .then((r) => {
          // the console's session ran out: back to the sign-in page, which says so (residents' public pages never get 401)
          if (r.status === 401 && document.body.classList.contains('console-page')) {
            window.location.href = '/login?expired';
          }
          return r.json().catch(() => ({})).then((body) => (r.ok ? body : Promise.reject(body)));
        });
    },
    /** A table as shown (header row and cells) → {columns, rows}; numbers stay numbers. */
    tableData(id) {
      const table = document.getElementById(id);
      const columns = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => {
        const text = td.textContent.trim();
        return text !== '' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      }));
      return { columns, rows };
    },
    /** Wires a table's CSV and Excel links: both built from what the table shows now. */
    exportable(id, title) {
      const save = (blob, name) => {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
      };
      const csvLink = document.getElementById(id + '-csv');
      const xlsxLink = document.getElementById(id + '-xlsx');
      if (csvLink) csvLink.addEventListener('click', (e) => {
        e.preventDefault();
        const t = this.tableData(id);
        const csv = [t.columns].concat(t.rows).map((row) => row.map((v) => '"' + String(v).replace(/"/g, '""') + '"').join(',')).join('\r\n');
        save(new Blob(['\uFEFF' + csv], { type: 'text/csv;charset=utf-8' }), title + '.csv');
      });
      if (xlsxLink) xlsxLink.addEventListener('click', (e) => {
        e.preventDefault();
        const t = this.tableData(id);
        send('/api/v1/exports/table.xlsx', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title, columns: t.columns, rows: t.rows }) })
          .then((r) => (r.ok ? r.blob() : Promise.reject(r))).then((blob) => save(blob, title + '.xlsx'));
      });
    },
    /** A message box (an error under a form, a refusal): shows the text, hidden when there is none. */
    showMessage(boxId, text) {
      const box = document.getElementById(boxId);
      box.textContent = text || '';
      box.hidden = !text;
    },
    /**
     * A refusal (a problem+json body) in the page's words: {@code words[prefix + code]} (the page's
     * {@code refusals} from its data-config by default), its {name} places filled with the problem's own
     * values as text; else a plain "it could not be done" with the code in brackets. Never the
     * server's English detail: it would reach a Chinese page as it is.
     */
    refusal(problem, words, prefix) {
      const w = words || window.CIVICGRID.refusals || {};
      const p = prefix || '';
      const code = problem && problem.code;
      const known = code && w[p + code];
      if (known) return String(known).replace(/\{(\w+)\}/g, (m, k) => (problem[k] == null ? '' : String(problem[k])));
      const unknown = w[p + 'UNKNOWN'] || (lang === 'en' ? 'It could not be done' : '操作未能完成');
      return unknown + (code ? ' (' + code + ')' : '');
    },
    /** A name in the page's language: the English one on English pages when there is one, else the Chinese. */
    inLanguage(zh, en) {
      return lang === 'en' && en ? en : zh;
    },
    /** An element with a class and a text (never markup): the pages build their lists and rows from these. */
    el(tag, className, text) {
      const e = document.createElement(tag);
      if (className) e.className = className;
      if (text !== undefined && text !== null) e.textContent = String(text);
      return e;
    },
    /**
     * Lines of text as one element, for places that would read a string as HTML (Leaflet tooltips,
     * icons): data from the server must never become markup.
     */
    lines(...lines) {
      const el = document.createElement('div');
      lines.forEach((line, i) => {
        if (i > 0) el.appendChild(document.createElement('br'));
        el.appendChild(document.createTextNode(line == null ? '' : String(line)));
      });
      return el;
    },
    time(t) {
      return t ? new Date(t).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—';
    }
  };
})();

// Shared by the console pages: JSON over the signed-in session, and times in the city's zone.
window.CG = (function () {
  'use strict';
  const lang = (window.CIVICGRID && window.CIVICGRID.lang) || 'zh';
  return {
    json(url, options) {
      return fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options))
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
        fetch('/api/v1/exports/table.xlsx', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title, columns: t.columns, rows: t.rows }) })
          .then((r) => (r.ok ? r.blob() : Promise.reject(r))).then((blob) => save(blob, title + '.xlsx'));
      });
    },
    time(t) {
      return t ? new Date(t).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—';
    }
  };
})();

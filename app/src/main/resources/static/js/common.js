// Shared by the console pages: JSON over the signed-in session, and times in the city's zone.
window.CG = (function () {
  'use strict';
  const lang = (window.CIVICGRID && window.CIVICGRID.lang) || 'zh';
  return {
    json(url, options) {
      return fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options))
        .then((r) => r.json().catch(() => ({})).then((body) => (r.ok ? body : Promise.reject(body))));
    },
    time(t) {
      return t ? new Date(t).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—';
    }
  };
})();

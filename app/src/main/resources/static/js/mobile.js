// The grid worker's phone page: the open cases of their grid, each a link to its desk.
(function () {
  'use strict';
  const cfg = window.CIVICGRID;
  CG.json('/api/v1/cases?queue=team&size=50').then((page) => {
    const ul = document.getElementById('my-cases');
    page.items.forEach((c) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '/m/cases/' + encodeURIComponent(c.id);
      a.dataset.caseId = c.id;
      a.textContent = c.number + ' · ' + (cfg.lang === 'en' ? c.category.nameEn : c.category.nameZh) + ' · ' + c.state;
      li.appendChild(a);
      ul.appendChild(li);
    });
  });
})();

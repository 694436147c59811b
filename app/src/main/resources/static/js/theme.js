// Dark (big screen) or light (office monitor) theme, remembered in this browser.
(function () {
  'use strict';
  const apply = (theme) => document.body.classList.toggle('light', theme === 'light');
  apply(localStorage.getItem('civicgrid-theme'));
  const nav = document.querySelector('header.top nav') || document.querySelector('header.top');
  if (!nav) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'theme-toggle';
  button.id = 'theme-toggle';
  // in the page's language (the html element's lang): the button names the theme it switches to
  const en = (document.documentElement.lang || '').startsWith('en');
  const label = () => (document.body.classList.contains('light') ? (en ? '◐ Big screen' : '◐ 大屏') : (en ? '◑ Office' : '◑ 办公'));
  button.textContent = label();
  button.title = en ? 'Theme' : '主题';
  button.addEventListener('click', () => {
    const next = document.body.classList.contains('light') ? 'dark' : 'light';
    localStorage.setItem('civicgrid-theme', next);
    apply(next);
    button.textContent = label();
  });
  nav.appendChild(button);
})();

// Sensing codes in words of the page's language (labels from the server's bundles), shared by the device
// pages and the map's sensors layer. Everything here returns text, never markup.
window.CG_SENSING = (function () {
  'use strict';
  const L = (window.CIVICGRID && (window.CIVICGRID.labels || (window.CIVICGRID.text && window.CIVICGRID.text.sensing))) || {};
  const T = L.text || {};
  /** A code in words: kind is profiles, alarmTypes, categories, severities, statuses, states, changes, keys or sources; unknown codes stay codes. */
  const word = (kind, code) => ((L[kind] || {})[code]) || code;
  /** A page text with {0}, {1}... filled in. */
  const text = (key, ...args) => String(T[key] || key).replace(/\{(\d+)\}/g, (m, i) => (args[i] == null ? '' : String(args[i])));
  const value = (v) => (v === true ? T.yes : v === false ? T.no : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v));

  function condition(c) {
    if (!c) return '';
    switch (c.type) {
      case 'threshold':
        return word('keys', c.key) + (c.direction === 'above' ? ' > ' : ' < ') + value(c.raise)
          + (c.clear !== c.raise ? ' (' + (c.direction === 'above' ? '≤ ' : '≥ ') + value(c.clear) + ')' : '');
      case 'equals': return word('keys', c.key) + ' = ' + value(c.value);
      case 'rate': return text('rule.rate', word('keys', c.key), value(c.perMinute));
      case 'all': case 'any':
        return '(' + c.parts.map(condition).join(' ' + text(c.type === 'all' ? 'rule.and' : 'rule.or') + ' ') + ')';
      default: return c.type;
    }
  }
  function action(a) {
    if (a.type === 'command') return text('rule.command', a.command);
    if (a.type === 'openCase') {
      return text('rule.openCase', word('categories', a.category), [a.urgent ? text('rule.urgent') : null, text('rule.routeTo.' + a.routeTo)].filter(Boolean).join(' · '));
    }
    if (a.type === 'webhook') return text('rule.webhook', a.target);
    return a.type;
  }
  /** A rule as lines of words: what raises it, then what it sets off. */
  function ruleLines(r) {
    const head = word('alarmTypes', r.alarmType) + ' · ' + word('severities', r.severity);
    const when = r.absence ? text('rule.absent', r.absence.minutes, word('keys', r.absence.key), value(r.absence.value))
      : condition(r.condition) + (r.forMinutes ? ' ' + text('rule.for', r.forMinutes) : '');
    const lines = [head, when];
    if (r.activeHours) lines.push(text('rule.hours', r.activeHours.from, r.activeHours.to));
    if (r.actions && r.actions.length) lines.push(text('rule.then') + ': ' + r.actions.map(action).join('; '));
    if (r.ackWithinMinutes) lines.push(text('rule.ack', r.ackWithinMinutes));
    if (r.followUp) {
      const f = r.followUp;
      lines.push(text('rule.followUp', f.afterMinutes) + ' ' + word('alarmTypes', f.alarmType) + ' · ' + word('severities', f.severity)
        + (f.actions.length ? ' → ' + f.actions.map(action).join('; ') : ''));
    }
    return lines;
  }
  return { word, text, value, ruleLines };
})();

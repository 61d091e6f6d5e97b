/**
 * The index's search and filters, as the inline script of the page. Names are
 * folded as ids are (lib/namekey.ts): each row carries its folded keys, and the
 * query is folded in the browser by the same steps, shipped as data.
 */
import { FOLD_STEPS, foldWord } from '../../lib/namekey.js';

/** The folded words a row is found by: name, name as printed, aliases. */
export const searchKeys = (names: readonly string[]) =>
  [
    ...new Set(
      names
        .flatMap((n) => n.split(/\s+/))
        .map(foldWord)
        .filter(Boolean),
    ),
  ].join(' ');

const steps = JSON.stringify(FOLD_STEPS.map(([pattern, replacement]) => [pattern.source, pattern.flags, replacement]));

export const SEARCH_SCRIPT = `(() => {
  const steps = ${steps}.map(([source, flags, replacement]) => [new RegExp(source, flags), replacement]);
  const fold = (word) => steps.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word.normalize('NFKD').toLowerCase());
  const controls = document.getElementById('filters');
  const query = document.getElementById('q'), list = document.getElementById('f-list'), group = document.getElementById('f-group');
  const rows = [...document.querySelectorAll('#people tbody tr')];
  const shown = document.getElementById('shown');
  const matches = (row, words) => {
    const keys = row.dataset.keys.split(' ');
    return words.every((w) => keys.some((k) => k.startsWith(w)))
      && (!list.value || row.dataset.list === list.value) && (!group.value || row.dataset.group === group.value);
  };
  const update = () => {
    const words = query.value.split(/\\s+/).map(fold).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      row.hidden = !matches(row, words);
      if (!row.hidden) count++;
    }
    shown.textContent = 'Showing ' + count + ' of ' + rows.length + ' people';
  };
  controls.hidden = false;
  controls.addEventListener('input', update);
  controls.addEventListener('change', update);
  update();
})();
`;

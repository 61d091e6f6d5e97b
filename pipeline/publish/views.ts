/**
 * Views of the SQLite database, for a reader who wants answers, not joins.
 * Each names the columns it reads; a view whose tables or columns a release
 * lacks is left out, so a new or partial set of tables never breaks the build.
 * Plain SQL that SQLite 3.22 (Datasette's floor) understands.
 */

export interface View {
  name: string;
  description: string;
  /** Table -> columns the view reads. */
  requires: Record<string, string[]>;
  sql: string;
}

export const VIEWS: View[] = [
  {
    name: 'prisoners_with_charges',
    description: 'Each prisoner with the sentence and the charges in one line ("article (label); ..."), in the order of the report',
    requires: {
      prisoners: ['id', 'list', 'number', 'name', 'group', 'sentence_text', 'sentence_months', 'convicted_on', 'custody_since'],
      charges: ['prisoner_id', 'article', 'label'],
    },
    sql: `SELECT p.id, p.list, p.number, p.name, p."group", p.sentence_text, p.sentence_months, p.convicted_on, p.custody_since,
  (SELECT group_concat(c.article || coalesce(' (' || c.label || ')', ''), '; ')
     FROM (SELECT article, label FROM charges WHERE prisoner_id = p.id ORDER BY rowid) AS c) AS charges
FROM prisoners AS p
ORDER BY p.rowid`,
  },
  {
    name: 'charges_by_article',
    description: "Each charge with the prisoner's name, by article of the Criminal Code",
    requires: { charges: ['prisoner_id', 'article', 'label'], prisoners: ['id', 'name', 'list'] },
    sql: `SELECT c.article, c.label, p.id AS prisoner_id, p.name, p.list
FROM charges AS c JOIN prisoners AS p ON p.id = c.prisoner_id
ORDER BY c.article, p.rowid`,
  },
  {
    name: 'events_in_order',
    description: "Every dated event with the prisoner's name: each person's timeline, in the order of the report's list",
    requires: { events: ['prisoner_id', 'date', 'kind', 'text'], prisoners: ['id', 'name'] },
    sql: `SELECT p.name, e.*
FROM events AS e JOIN prisoners AS p ON p.id = e.prisoner_id
ORDER BY p.rowid, e.date, e.rowid`,
  },
];

/** Does the database hold every table and column the view reads? */
export const viewApplies = (view: View, present: Map<string, Set<string>>) =>
  Object.entries(view.requires).every(([table, columns]) => columns.every((c) => present.get(table)?.has(c)));

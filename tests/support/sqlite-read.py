"""An independent reader for the tests: Python's own sqlite3 opens a database and prints what it holds as JSON."""
import json
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
searches = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
q = lambda sql: db.execute(sql).fetchall()
quoted = lambda name: '"' + name.replace('"', '""') + '"'
shadow = lambda name: any(name.endswith(s) for s in ('_fts_data', '_fts_idx', '_fts_docsize', '_fts_config', '_fts_content'))
tables = [r[0] for r in q("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") if not shadow(r[0])]
views = [r[0] for r in q("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")]


def rows(name):
    cursor = db.execute(f'SELECT * FROM {quoted(name)} ORDER BY rowid')
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, r)) for r in cursor.fetchall()]


print(json.dumps({
    'tables': tables,
    'views': views,
    'page_size': q('PRAGMA page_size')[0][0],
    'integrity': q('PRAGMA integrity_check')[0][0],
    'foreign_key_check': q('PRAGMA foreign_key_check'),
    'columns': {t: [[c[1], c[2], c[3], c[5]] for c in q(f'PRAGMA table_info({quoted(t)})')] for t in tables},
    'foreign_keys': {t: [[f[3], f[2], f[4]] for f in q(f'PRAGMA foreign_key_list({quoted(t)})')] for t in tables},
    'indexed': {t: sorted(q(f'PRAGMA index_info({quoted(i[1])})')[0][2] for i in q(f'PRAGMA index_list({quoted(t)})') if i[3] == 'c') for t in tables},
    'rows': {t: rows(t) for t in tables + views},
    'types': {t: {c[1]: q(f'SELECT DISTINCT typeof({quoted(c[1])}) FROM {quoted(t)}') for c in q(f'PRAGMA table_info({quoted(t)})')} for t in tables},
    'search': {k: [r[0] for r in q(sql)] for k, sql in searches.items()},
}))

# Sourced by run.sh and throughput-compare.sh: load_rows SQLITE_FILE ROWS puts the same ROWS heroes into either app's
# hero table with plain SQL, the server stopped: ids 1..ROWS, names "Hero i", ages i % 100 with every 20th unknown.
load_rows() {
  python3 - "$1" "$2" <<'PY' || { echo "loading $2 heroes into $1 failed" >&2; exit 1; }
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
with db:
    db.execute("""INSERT INTO hero (name, age, secret_name)
        WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
        SELECT 'Hero ' || n, CASE WHEN n % 20 = 0 THEN NULL ELSE n % 100 END, 'Secret ' || n FROM i""", (int(sys.argv[2]),))
    count = db.execute("SELECT count(*) FROM hero").fetchone()[0]
db.close()
if count != int(sys.argv[2]):
    sys.exit(f"expected {sys.argv[2]} heroes, found {count}")
PY
}

#!/usr/bin/env bash
# Import throughput: generates the issue's dataset (100,000 startups, 10,000
# investors, 20,000 mentors) and imports it into a fresh SQLite database and,
# if KETNOI_BENCH_POSTGRES_URL is set, into a fresh PostgreSQL schema.
# `ketnoi import` prints records/s; this script prints the wall time as well.
#
#   KETNOI_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test scripts/bench-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/ketnoi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

startups=${STARTUPS:-100000}
investors=${INVESTORS:-10000}
mentors=${MENTORS:-20000}
"$bin" generate --startups "$startups" --investors "$investors" --mentors "$mentors" --seed 42 -o "$work/data.jsonl"
echo "file: $(wc -l < "$work/data.jsonl") records, $(du -h "$work/data.jsonl" | cut -f1)"

echo "== SQLite"
/usr/bin/time -f "wall %e s, max RSS %M KiB" "$bin" import --data-dir "$work/sqlite" "$work/data.jsonl"
echo "== SQLite, again (upserts, nothing changes)"
/usr/bin/time -f "wall %e s, max RSS %M KiB" "$bin" import --data-dir "$work/sqlite" "$work/data.jsonl"

if [ -n "${KETNOI_BENCH_POSTGRES_URL:-}" ]; then
  schema="bench_import_$$"
  psql -q "$KETNOI_BENCH_POSTGRES_URL" -c "drop schema if exists $schema cascade; create schema $schema;"
  url="$KETNOI_BENCH_POSTGRES_URL?options=-c%20search_path%3D$schema"
  echo "== PostgreSQL"
  /usr/bin/time -f "wall %e s, max RSS %M KiB" "$bin" import --database-url "$url" "$work/data.jsonl"
  psql -q "$KETNOI_BENCH_POSTGRES_URL" -c "drop schema $schema cascade;"
fi

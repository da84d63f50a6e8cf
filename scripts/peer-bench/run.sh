#!/usr/bin/env bash
# Read throughput of ketnoi beside its peer, measured in one run on one
# machine: ketnoi on SQLite, ketnoi on PostgreSQL and PostGraphile (pinned in
# package.json) over plain tables holding the same rows, each server alone in
# turn, under the same wrk commands, and a bare axum handler
# (examples/bare_axum.rs) as the floor of the trivial query. Prints
# requests/s, p50 and p99 per query and server, and the ratio of each
# server's requests/s to PostGraphile's (and, for the trivial query, to the
# bare handler's).
#
#   bash scripts/peer-bench/run.sh
#
# Environment: KETNOI_BENCH_POSTGRES_URL (else KETNOI_TEST_POSTGRES_URL, else
# postgres://postgres@127.0.0.1:5432/test), STARTUPS (3000), DURATION (15
# seconds a round), CONNECTIONS (32), THREADS (2), ROUNDS (2). It installs wrk
# with apt-get when missing, and PostGraphile with npm; the data lives in
# PostgreSQL schemas of its own (dropped first) and a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/../.."

pg_url="${KETNOI_BENCH_POSTGRES_URL:-${KETNOI_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}}"
startups="${STARTUPS:-3000}"
duration="${DURATION:-15}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-2}"
ketnoi_schema=peer_bench_ketnoi
plain_schema=peer_bench_plain

if ! command -v wrk >/dev/null 2>&1; then
  echo "== installing wrk (Debian's package)"
  apt-get install -y wrk >/dev/null
fi
echo "== PostGraphile (npm)"
(cd scripts/peer-bench && npm ci --no-audit --no-fund --silent)
echo "== ketnoi (release build)"
cargo build --release --quiet --bin ketnoi --example bare_axum
ketnoi=target/release/ketnoi

work=$(mktemp -d)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# A URL of `pg_url` whose connections use `schema`.
in_schema() {
  local sep='?'
  [[ "$pg_url" == *\?* ]] && sep='&'
  echo "${pg_url}${sep}options=-c%20search_path%3D$1"
}

echo "== data: $startups generated startups"
"$ketnoi" generate --startups "$startups" --investors $((startups / 10)) \
  --mentors $((startups / 6)) >"$work/data.jsonl"
"$ketnoi" --data-dir "$work/sqlite" import "$work/data.jsonl" >/dev/null
PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$pg_url" -c "drop schema if exists $ketnoi_schema cascade; create schema $ketnoi_schema; drop schema if exists $plain_schema cascade; create schema $plain_schema"
"$ketnoi" --database-url "$(in_schema $ketnoi_schema)" import "$work/data.jsonl" >/dev/null
# The plain tables: what ketnoi shows anyone of the same rows (confidential
# investments left out), with their keys and the indexes PostGraphile's
# relations use.
PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 "$pg_url" <<SQL
set search_path = $plain_schema;
create table provinces as select id, slug, name from $ketnoi_schema.provinces;
create table organizations as select id, slug, name from $ketnoi_schema.organizations;
create table sectors as select id, slug as key, name from $ketnoi_schema.sectors;
create table startups as
  select id, slug, name, sort_name, province_id, organization_id from $ketnoi_schema.startups;
create table startup_sectors as select startup_id, sector_id from $ketnoi_schema.startup_sectors;
create table investors as select id, slug, name, kind from $ketnoi_schema.investors;
create table investments as
  select id, investor_id, startup_id, amount, currency, round, invested_on
  from $ketnoi_schema.investments where not confidential;
alter table provinces add primary key (id);
alter table organizations add primary key (id);
alter table sectors add primary key (id);
alter table startups add primary key (id);
alter table investors add primary key (id);
alter table investments add primary key (id);
alter table startup_sectors add primary key (startup_id, sector_id);
alter table startups add foreign key (province_id) references provinces (id);
alter table startups add foreign key (organization_id) references organizations (id);
alter table startup_sectors add foreign key (startup_id) references startups (id);
alter table startup_sectors add foreign key (sector_id) references sectors (id);
alter table investments add foreign key (startup_id) references startups (id);
alter table investments add foreign key (investor_id) references investors (id);
create index on startups (sort_name, id);
create index on startups (province_id);
create index on startups (organization_id);
create index on startup_sectors (sector_id);
create index on investments (startup_id);
create index on investments (investor_id);
analyze;
SQL

# The same question in each server's own words: 50 startups by name, with
# province, organisation, sectors and investments → investor.
ketnoi_nested='{ startups(first: 50, orderBy: {field: NAME}) { nodes { name sectors { key name } province { name } organization { name } investments { amount { amount currency } round investor { name kind } } } } }'
peer_nested='{ allStartups(first: 50, orderBy: [SORT_NAME_ASC, ID_ASC]) { nodes { name startupSectorsByStartupId { nodes { sectorBySectorId { key name } } } provinceByProvinceId { name } organizationByOrganizationId { name } investmentsByStartupId { nodes { amount currency round investorByInvestorId { name kind } } } } } }'
trivial='{ __typename }'

# Starts a server in the background and waits until `url` answers.
start() {
  local url=$1
  shift
  "$@" >"$work/server.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null -X POST -H 'content-type: application/json' \
      --data '{"query":"{ __typename }"}' "$url" 2>/dev/null; then
      return
    fi
    sleep 0.2
  done
  echo "the server at $url did not answer:" >&2
  cat "$work/server.log" >&2
  exit 1
}
stop() {
  kill "${servers[-1]}" 2>/dev/null || true
  wait "${servers[-1]}" 2>/dev/null || true
  unset 'servers[-1]'
}

# The number of objects an answer holds (startups, sectors, investments,
# investors), or an error when it holds errors.
count_nodes() {
  python3 -c '
import json, sys
body = json.load(sys.stdin)
if body.get("errors") or not body.get("data"):
    sys.exit("not an answer: " + json.dumps(body)[:500])
def count(value):
    if isinstance(value, list):
        return sum(count(v) for v in value)
    if isinstance(value, dict):
        inner = sum(count(v) for v in value.values())
        return inner + (1 if "name" in value else 0)
    return 0
print(count(body["data"]))'
}

# wrk posting `query` to `url`: "requests/s p50 p99" (milliseconds).
load() {
  local url=$1 query=$2
  local body
  body=$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1]}))' "$query")
  cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$body]]
LUA
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$url" >"$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then
    echo "non-2xx answers:" >&2
    cat "$work/wrk.txt" >&2
    exit 1
  fi
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    value, unit = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f"{rps:.0f} {ms('50%'):.2f} {ms('99%'):.2f}")
PY
}

declare -A results
nodes=""
run_server() {
  local name=$1 url=$2 nested=$3
  if [[ -z "$nested" ]]; then
    # The bare handler answers the trivial query only.
    for round in $(seq 1 "$rounds"); do
      results["$name trivial $round"]=$(load "$url" "$trivial")
    done
    return
  fi
  local answer
  answer=$(curl -fsS -X POST -H 'content-type: application/json' \
    --data "$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1]}))' "$nested")" "$url")
  local count
  count=$(echo "$answer" | count_nodes)
  if [[ -n "$nodes" && "$count" != "$nodes" ]]; then
    echo "$name answers the nested query with $count objects, the others with $nodes" >&2
    exit 1
  fi
  nodes=$count
  for round in $(seq 1 "$rounds"); do
    results["$name nested $round"]=$(load "$url" "$nested")
    results["$name trivial $round"]=$(load "$url" "$trivial")
  done
}

# Throughput, not protection, is measured: the per-address rate limit and
# the shedding of heavy operations (the nested query is one) are lifted.
limits=(--rate-per-address 100000000 --rate-burst-per-address 100000000
  --max-in-flight 4096 --max-heavy-in-flight 4096)

echo "== ketnoi, SQLite"
port=$(free_port)
start "http://127.0.0.1:$port/graphql" "$ketnoi" --data-dir "$work/sqlite" serve \
  --bind "127.0.0.1:$port" "${limits[@]}"
run_server "ketnoi SQLite" "http://127.0.0.1:$port/graphql" "$ketnoi_nested"
stop

echo "== ketnoi, PostgreSQL"
port=$(free_port)
start "http://127.0.0.1:$port/graphql" "$ketnoi" --database-url "$(in_schema $ketnoi_schema)" \
  --data-dir "$work/pg" serve --bind "127.0.0.1:$port" "${limits[@]}"
run_server "ketnoi PostgreSQL" "http://127.0.0.1:$port/graphql" "$ketnoi_nested"
stop

echo "== PostGraphile, PostgreSQL"
port=$(free_port)
start "http://127.0.0.1:$port/graphql" scripts/peer-bench/node_modules/.bin/postgraphile \
  --connection "$pg_url" --schema "$plain_schema" --host 127.0.0.1 --port "$port" \
  --cluster-workers 2 --disable-query-log
run_server "PostGraphile" "http://127.0.0.1:$port/graphql" "$peer_nested"
stop

echo "== bare axum handler"
port=$(free_port)
start "http://127.0.0.1:$port/graphql" target/release/examples/bare_axum "127.0.0.1:$port"
run_server "bare axum handler" "http://127.0.0.1:$port/graphql" ""
stop

echo
echo "## $startups startups; wrk -t$threads -c$connections -d${duration}s, $rounds rounds; the nested query returns $nodes objects"
echo
echo "| server | query | requests/s | p50 ms | p99 ms | ÷ PostGraphile | ÷ bare axum |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
for query in nested trivial; do
  for name in "ketnoi SQLite" "ketnoi PostgreSQL" "PostGraphile" "bare axum handler"; do
    [[ -n "${results["$name $query 1"]:-}" ]] || continue
    for round in $(seq 1 "$rounds"); do
      read -r rps p50 p99 <<<"${results["$name $query $round"]}"
      read -r peer _ _ <<<"${results["PostGraphile $query $round"]}"
      bare=""
      if [[ $query == trivial ]]; then
        read -r floor _ _ <<<"${results["bare axum handler trivial $round"]}"
        bare=$(ratio "$rps" "$floor")
      fi
      echo "| $name | $query | $rps | $p50 | $p99 | $(ratio "$rps" "$peer") | $bare |"
    done
  done
done

# A throwaway PostgreSQL server on loopback, for scripts/test and bench/run (source this file; bash).
# pg_find_bin sets pg_bin; pg_start DIR [server option...] makes a cluster in DIR, starts it on a free
# 127.0.0.1 port (pg_port) with its socket in DIR, and pg_stop stops it. As root the server runs as `postgres`.

pg_bin=""
pg_port=""
pg_dir=""

pg_as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# initdb and pg_ctl from PATH, else the newest /usr/lib/postgresql/*/bin; returns 1 when there are none.
pg_find_bin() {
  local candidate
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    pg_bin=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    return 0
  fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $candidate/initdb && -x $candidate/pg_ctl ]]; then
      pg_bin=$candidate
      return 0
    fi
  done
  return 1
}

# A port nothing answers on; pg_start tries another if the server still cannot bind it.
pg_free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

pg_start() {
  local attempt port
  pg_dir=$1
  shift
  mkdir -p "$pg_dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres "$pg_dir"
    # The postgres user must reach the socket directory (and so every folder above it: callers see to those).
    chmod 755 "$pg_dir"
  fi
  if ! pg_as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync -E UTF8 >"$pg_dir/initdb.log" 2>&1; then
    cat "$pg_dir/initdb.log" >&2
    return 1
  fi
  for attempt in 1 2 3 4 5; do
    port=$(pg_free_port)
    if pg_as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -t 60 -l "$pg_dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c max_connections=300 $*" start >/dev/null; then
      pg_port=$port
      echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$pg_port"
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2
  return 1
}

pg_stop() {
  if [[ -n $pg_port ]]; then
    pg_as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    pg_port=""
  fi
}

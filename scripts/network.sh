#!/usr/bin/env bash
# The network deployment on loopback (docs/deploy.md): a PostgreSQL primary and its
# streaming replica, Redis for sessions and cache, an S3 server (moto) for attachments,
# several gunicorn hosts behind haproxy.
#   network.sh up            bring it all up (state in $LIAISON_NETWORK_DIR)
#   network.sh test          up, run tests/network against it, down
#   network.sh down          stop everything and remove the state
#   network.sh start-host N  (re)start gunicorn host N
# Ports: $LIAISON_NETWORK_PORT (primary) and the next ones; haproxy on +10, host N on +10+N.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=$root/.venv/bin
dir=${LIAISON_NETWORK_DIR:-/tmp/liaison-network}
base=${LIAISON_NETWORK_PORT:-56100}
hosts=${LIAISON_NETWORK_HOSTS:-3}
primary_port=$base
replica_port=$((base + 1))
redis_port=$((base + 2))
s3_port=$((base + 3))
lb_port=$((base + 10))
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "cd / && $*"
  else
    bash -c "$*"
  fi
}

wait_for() { # wait_for WHAT COMMAND...: up to 30 s
  for _ in $(seq 300); do
    "${@:2}" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "network.sh: $1 did not come up (logs in $dir)" >&2
  return 1
}

write_env() {
  cat >"$dir/env" <<EOF
LIAISON_DEBUG=0
SECRET_KEY=loopback-network-test-key-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
ALLOWED_HOSTS=127.0.0.1,localhost
SECURE_SSL_REDIRECT=0
SECURE_HSTS_SECONDS=0
LIAISON_TRUSTED_PROXIES=1
DATABASE_URL=postgres://postgres@127.0.0.1:$primary_port/liaison
DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$replica_port/liaison
LIAISON_DB_POOL_SIZE=4
LIAISON_REDIS_URL=redis://127.0.0.1:$redis_port/0
LIAISON_STORAGE=s3
LIAISON_S3_BUCKET=liaison
LIAISON_S3_ENDPOINT_URL=http://127.0.0.1:$s3_port
LIAISON_S3_REGION=us-east-1
AWS_ACCESS_KEY_ID=loopback
AWS_SECRET_ACCESS_KEY=loopback
LIAISON_VAR_DIR=$dir/var
EOF
  cat >"$dir/network.json" <<EOF
{"dir": "$dir", "balancer": "http://127.0.0.1:$lb_port",
 "hosts": [$(for n in $(seq "$hosts"); do printf '%s"http://127.0.0.1:%d"' "$([ "$n" -gt 1 ] && echo ,)" $((lb_port + n)); done)],
 "primary_log": "$dir/primary/server.log", "replica_log": "$dir/replica/server.log",
 "primary_url": "postgres://postgres@127.0.0.1:$primary_port/liaison",
 "replica_url": "postgres://postgres@127.0.0.1:$replica_port/liaison"}
EOF
}

with_env() { env $(grep -v '^#' "$dir/env" | xargs) "$@"; }

start_databases() {
  mkdir -p "$dir/primary" "$dir/replica"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/primary" "$dir/replica"
  as_postgres "'$pgbin/initdb' -D '$dir/primary/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/primary/initdb.log' 2>&1"
  # Every statement is logged so that the test can tell which server answered a read.
  cat >>"$dir/primary/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
log_statement = 'all'
fsync = off
EOF
  as_postgres "'$pgbin/pg_ctl' -D '$dir/primary/data' -l '$dir/primary/server.log' -w -o \"-p $primary_port -k '$dir/primary'\" start >/dev/null"
  as_postgres "'$pgbin/psql' -h 127.0.0.1 -p $primary_port -U postgres -qc 'CREATE DATABASE liaison' >/dev/null"
  as_postgres "'$pgbin/pg_basebackup' -h 127.0.0.1 -p $primary_port -U postgres -D '$dir/replica/data' -R -X stream -c fast"
  # The replica applies each commit a second late here, so that a read of one's own write
  # from the replica would miss it: the router must send it to the primary.
  as_postgres "'$pgbin/pg_ctl' -D '$dir/replica/data' -l '$dir/replica/server.log' -w -o \"-p $replica_port -k '$dir/replica' -c recovery_min_apply_delay=1s\" start >/dev/null"
}

start_redis_and_s3() {
  mkdir -p "$dir/redis"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" --save "" \
    --appendonly no --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  setsid "$bin/moto_server" -H 127.0.0.1 -p "$s3_port" >"$dir/s3.log" 2>&1 &
  echo $! >"$dir/s3.pid"
  wait_for redis redis-cli -p "$redis_port" ping
  wait_for "the S3 server" curl -sf "http://127.0.0.1:$s3_port/"
  with_env "$bin/python" -c "import boto3, os; boto3.client('s3', endpoint_url=os.environ['LIAISON_S3_ENDPOINT_URL'], region_name='us-east-1').create_bucket(Bucket='liaison')"
}

start_host() { # start_host N: one stateless gunicorn host, its own process group
  local n=$1 port=$((lb_port + $1))
  mkdir -p "$dir/var/host$n"
  # setsid: a process group of its own, so that it can be killed whole (the failover test)
  setsid env $(grep -v '^#' "$dir/env" | xargs) "$bin/gunicorn" liaison.wsgi:application \
    --bind "127.0.0.1:$port" --workers 2 --worker-class gthread --threads 4 \
    --graceful-timeout 5 --no-control-socket --access-logfile "$dir/host$n.access.log" \
    >"$dir/host$n.log" 2>&1 &
  echo $! >"$dir/host$n.pid"
  wait_for "host $n" curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/login/"
}

start_balancer() {
  {
    cat <<EOF
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    option forwardfor
    option redispatch
    retries 3
    retry-on conn-failure empty-response response-timeout
frontend web
    bind 127.0.0.1:$lb_port
    http-request set-header X-Forwarded-Proto https
    default_backend app
backend app
    balance roundrobin
    # A request that may have written is never sent twice.
    http-request disable-l7-retry unless METH_GET || METH_HEAD
    http-response set-header X-Liaison-Host %s
    option httpchk GET /login/
    http-check send hdr X-Forwarded-Proto https
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2
EOF
    for n in $(seq "$hosts"); do
      echo "    server app$n 127.0.0.1:$((lb_port + n)) check"
    done
  } >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg"
  haproxy -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid"
  wait_for haproxy curl -sf -o /dev/null "http://127.0.0.1:$lb_port/login/"
}

wait_for_replica() {
  local lsn
  lsn=$(as_postgres "'$pgbin/psql' -h 127.0.0.1 -p $primary_port -U postgres -Atc 'SELECT pg_current_wal_lsn()'")
  wait_for "the replica" as_postgres "test \"\$('$pgbin/psql' -h 127.0.0.1 -p $replica_port -U postgres -Atc \"SELECT pg_last_wal_replay_lsn() >= '$lsn'\")\" = t"
}

up() {
  [ -e "$dir" ] && { echo "network.sh: $dir exists; run network.sh down first" >&2; exit 1; }
  mkdir -p "$dir/var"
  write_env
  echo "== databases: primary :$primary_port, replica :$replica_port"
  start_databases
  echo "== redis :$redis_port, S3 :$s3_port"
  start_redis_and_s3
  echo "== migrate, collect static files"
  with_env "$bin/liaison" migrate --no-input -v 0
  with_env "$bin/liaison" collectstatic --no-input -v 0
  wait_for_replica
  echo "== $hosts hosts behind haproxy :$lb_port"
  local starting=()
  for n in $(seq "$hosts"); do
    start_host "$n" &
    starting+=($!)
  done
  for pid in "${starting[@]}"; do wait "$pid"; done
  start_balancer
  echo "up: http://127.0.0.1:$lb_port (state in $dir)"
}

stop_pid() { # stop_pid FILE: the process group started with setsid, or the daemon
  [ -f "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$1"
}

down() {
  [ -d "$dir" ] || return 0
  stop_pid "$dir/haproxy.pid"
  for pidfile in "$dir"/host*.pid; do stop_pid "$pidfile"; done
  stop_pid "$dir/s3.pid"
  stop_pid "$dir/redis.pid"
  for cluster in replica primary; do
    [ -d "$dir/$cluster/data" ] && as_postgres "'$pgbin/pg_ctl' -D '$dir/$cluster/data' -m fast stop >/dev/null" || true
  done
  rm -rf "$dir"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  start-host) start_host "$2" ;;
  test)
    down
    trap down EXIT
    up
    LIAISON_NETWORK_DIR="$dir" DATABASE_URL="postgres://postgres@127.0.0.1:$primary_port/liaison" \
      "$bin/pytest" -q -p no:xdist tests/network
    ;;
  *)
    echo "usage: $0 up|down|test|start-host N" >&2
    exit 2
    ;;
esac

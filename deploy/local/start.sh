#!/usr/bin/env bash
# Runs TclHotline distributed on this machine without Docker: a RabbitMQ broker on loopback (installed from the
# OS packages when missing, not systemd), then every service host as its own process on SQLite files under
# deploy/.run/data. Stop everything with deploy/local/stop.sh.
#
#   deploy/local/start.sh [--instances N] [--configuration Debug|Release] [--no-build]
#     --instances N      N processes per service (default 1, at most 10); extra instances take the next ports
#                        (base + 2*i) and share the service's SQLite file, as competing consumers on its queues.
#     --configuration C  build configuration (default Debug: the one the tests build, so usually up to date).
#     --no-build         use the last build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

INSTANCES=1
BUILD=1
CONFIGURATION=Debug
while [ $# -gt 0 ]; do
  case "$1" in
    --instances|-n) INSTANCES="${2:?--instances needs a number}"; shift 2 ;;
    --configuration|-c) CONFIGURATION="${2:?--configuration needs Debug or Release}"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)"; exit 2 ;;
  esac
done
if ! [[ "$INSTANCES" =~ ^[0-9]+$ ]] || [ "$INSTANCES" -lt 1 ] || [ "$INSTANCES" -gt "$MAX_INSTANCES" ]; then
  echo "--instances must be 1..$MAX_INSTANCES"; exit 2
fi
if compgen -G "$PID_DIR/*.pid" >/dev/null; then
  echo "already started (pids in $PID_DIR): run deploy/local/stop.sh first"; exit 1
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# On any failure, bring down what was already started and show where the logs are.
on_exit() {
  local status=$?
  [ "$status" -eq 0 ] && return 0
  echo "start failed; logs in $LOG_DIR and $RABBIT_DIR/log. Stopping what was started..."
  "$ROOT/deploy/local/stop.sh" || true
  exit "$status"
}

install_rabbitmq() {
  [ -x "$RABBIT_BIN/rabbitmq-server" ] && return 0
  echo "Installing rabbitmq-server from the OS packages..."
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rabbitmq-server >/dev/null
  # The package starts a system broker through systemd/init where it can; ours is separate and needs none.
}

start_broker() {
  for p in "$AMQP_PORT" "$DIST_PORT" "$EPMD_PORT"; do
    port_free "$p" || { echo "port $p is in use (set TCLHOTLINE_AMQP_PORT / _RABBIT_DIST_PORT / _EPMD_PORT)"; return 1; }
  done
  mkdir -p "$RABBIT_DIR/log" "$RABBIT_DIR/mnesia"
  echo "[]." > "$RABBIT_DIR/enabled_plugins"
  (
    rabbit_env
    # The server and rabbitmqctl both create $HOME/.erlang.cookie when it is missing; started together they
    # can write different ones and rabbitmqctl is then refused. Write it once, before either runs.
    if [ ! -f "$HOME/.erlang.cookie" ]; then
      (umask 077; head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$HOME/.erlang.cookie")
      chmod 400 "$HOME/.erlang.cookie"
    fi
    # Our own epmd, in the foreground of its own process, so stop.sh can stop exactly this one by pid.
    setsid epmd -address 127.0.0.1 -port "$EPMD_PORT" >"$LOG_DIR/epmd.log" 2>&1 &
    echo $! > "$PID_DIR/epmd.pid"
    for _ in $(seq 50); do port_free "$EPMD_PORT" || break; sleep 0.1; done
    # A pid file left by a broker that was killed would name a process that is gone (or someone else's).
    rm -f "$RABBITMQ_PID_FILE"
    setsid "$RABBIT_BIN/rabbitmq-server" >"$LOG_DIR/rabbitmq.log" 2>&1 &
    local launcher=$!
    echo "$launcher" > "$PID_DIR/rabbitmq-launcher.pid"
    local pid
    pid="$(wait_for_pid_file "$RABBITMQ_PID_FILE" 90 "$launcher")"
    echo "$pid" > "$PID_DIR/rabbitmq.pid"
    "$RABBIT_BIN/rabbitmqctl" -q -n "$NODE_NAME" wait --pid "$pid" --timeout 90
    "$RABBIT_BIN/rabbitmqctl" -q -n "$NODE_NAME" await_startup --timeout 90
  )
  echo "RabbitMQ  amqp://127.0.0.1:$AMQP_PORT  (node $NODE_NAME)"
}

build() {
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ <<<"$entry"
    echo "Building $name..."
    dotnet build "$ROOT/services/$name/TclHotline.$name.Host" -c "$CONFIGURATION" -nologo -v q -clp:ErrorsOnly
  done
  echo "Building the topology step (standalone)..."
  dotnet build "$ROOT/services/Standalone/TclHotline.Standalone" -c "$CONFIGURATION" -nologo -v q -clp:ErrorsOnly
}

# Every service's queues and bindings, declared before any service starts (from the standalone binary, which
# holds every module's consumers): an event published before its consumer's first start then waits in that
# consumer's queue instead of being dropped by a fresh broker. Declaring again is harmless.
deploy_topology() {
  local bin="$ROOT/services/Standalone/TclHotline.Standalone/bin/$CONFIGURATION/net10.0"
  [ -f "$bin/TclHotline.Standalone.dll" ] || { echo "$bin/TclHotline.Standalone.dll missing: run without --no-build"; return 1; }
  (
    cd "$bin"
    Messaging__Transport=RabbitMq \
    Messaging__Host=127.0.0.1 \
    Messaging__Port="$AMQP_PORT" \
    dotnet TclHotline.Standalone.dll deploy-topology >"$LOG_DIR/topology.log" 2>&1
  ) || { echo "topology step failed; see $LOG_DIR/topology.log"; return 1; }
  echo "Topology  every service's queues and bindings declared"
}

start_instance() {
  local name="$1" grpc="$2" http="$3" i="$4" id
  id="$(echo "$name" | tr '[:upper:]' '[:lower:]')-$i"
  local bin="$ROOT/services/$name/TclHotline.$name.Host/bin/$CONFIGURATION/net10.0"
  [ -f "$bin/TclHotline.$name.Host.dll" ] || { echo "$bin/TclHotline.$name.Host.dll missing: run without --no-build"; return 1; }
  for p in "$grpc" "$http"; do port_free "$p" || { echo "port $p for $id is in use"; return 1; }; done
  # The content root is the build folder (appsettings.json); every override is an environment variable.
  (
    cd "$bin"
    ASPNETCORE_ENVIRONMENT=Development \
    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc" \
    Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http" \
    Database__Provider=Sqlite \
    Database__DataDirectory="$DATA_DIR" \
    Messaging__Transport=RabbitMq \
    Messaging__Host=127.0.0.1 \
    Messaging__Port="$AMQP_PORT" \
    setsid dotnet "TclHotline.$name.Host.dll" >"$LOG_DIR/$id.log" 2>&1 &
    echo $! > "$PID_DIR/$id.pid"
  )
  echo "$id $grpc $http" | tee -a "$RUN_DIR/instances" >> "$RUN_DIR/starting"
}

wait_ready() {
  local deadline=$((SECONDS + 120)) id grpc http
  while read -r id grpc http; do
    until curl -fs -o /dev/null "http://127.0.0.1:$http/health/ready" 2>/dev/null; do
      if ! alive "$(cat "$PID_DIR/$id.pid")"; then echo "$id exited; last lines of $LOG_DIR/$id.log:"; tail -n 20 "$LOG_DIR/$id.log"; return 1; fi
      if [ "$SECONDS" -ge "$deadline" ]; then echo "$id not ready after 120 s (see $LOG_DIR/$id.log)"; return 1; fi
      sleep 0.5
    done
    printf '%-14s gRPC http://127.0.0.1:%s   HTTP http://127.0.0.1:%s  (ready)\n' "$id" "$grpc" "$http"
  done < "$RUN_DIR/starting"
}

trap on_exit EXIT
mkdir -p "$PID_DIR" "$LOG_DIR" "$DATA_DIR"
: > "$RUN_DIR/instances"
install_rabbitmq
[ "$BUILD" -eq 1 ] && build
start_broker
deploy_topology
# First instances first: each migrates its service's database at start-up, which two processes must not do
# at once on one file. The extra instances start once the schema is there.
for ((i = 0; i < INSTANCES; i++)); do
  : > "$RUN_DIR/starting"
  for entry in "${SERVICES[@]}"; do
    read -r name grpc http <<<"$entry"
    start_instance "$name" $((grpc + 2 * i)) $((http + 2 * i)) "$i"
  done
  wait_ready
done
rm -f "$RUN_DIR/starting"
echo "All up. Data: $DATA_DIR  Logs: $LOG_DIR"
echo "Dispatch board: http://127.0.0.1:5281/board  Branch report: http://127.0.0.1:5581/report"
echo "Stop with deploy/local/stop.sh"

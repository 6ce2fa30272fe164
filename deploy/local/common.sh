# Shared by start.sh and stop.sh: where the local run keeps its state and which ports the broker uses.
# Every value can be overridden from the environment.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${TCLHOTLINE_RUN_DIR:-$ROOT/deploy/.run}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
DATA_DIR="$RUN_DIR/data"
RABBIT_DIR="$RUN_DIR/rabbitmq"

# Not the OS defaults (5672/25672/4369), so a system broker or another Erlang node can keep running.
AMQP_PORT="${TCLHOTLINE_AMQP_PORT:-5673}"
DIST_PORT="${TCLHOTLINE_RABBIT_DIST_PORT:-25673}"
EPMD_PORT="${TCLHOTLINE_EPMD_PORT:-4370}"
NODE_NAME="${TCLHOTLINE_RABBIT_NODE:-tclhotline-local@localhost}"
RABBIT_BIN=/usr/lib/rabbitmq/bin

# service name, then its first gRPC and HTTP ports; instance i listens on base + 2*i.
SERVICES=(
  "Intake 5180 5181"
  "Dispatch 5280 5281"
  "Sla 5380 5381"
  "Complaints 5480 5481"
  "Returns 5580 5581"
)
MAX_INSTANCES=10

rabbit_env() {
  export HOME="$RABBIT_DIR"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$EPMD_PORT"
  export RABBITMQ_NODENAME="$NODE_NAME"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$AMQP_PORT"
  export RABBITMQ_DIST_PORT="$DIST_PORT"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
  export RABBITMQ_PID_FILE="$RABBIT_DIR/rabbit.pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Prints the pid in a RabbitMQ pid file once the file holds a whole one. The node creates the file and then
# writes the pid into it; `rabbitmqctl wait <file>` reading it in between finds it empty and fails with
# {:garbage_in_pid_file, ...}. So the file is read here until it parses, and rabbitmqctl is given the pid.
#   wait_for_pid_file FILE [TIMEOUT_SECONDS] [LAUNCHER_PID]   (fails at once when the launcher has exited)
wait_for_pid_file() {
  local file="$1" timeout="${2:-90}" launcher="${3:-}" pid="" tenths=0
  while [ "$tenths" -lt $((timeout * 10)) ]; do
    pid="$( { tr -d '[:space:]' < "$file"; } 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]]; then echo "$pid"; return 0; fi
    if [ -n "$launcher" ] && ! alive "$launcher"; then echo "the broker exited before writing $file" >&2; return 1; fi
    sleep 0.1
    tenths=$((tenths + 1))
  done
  echo "no pid in $file after ${timeout}s" >&2
  return 1
}

# Stops one process by pid: SIGTERM, up to $2 seconds for it to exit, then SIGKILL.
stop_pid() {
  local pid="$1" grace="${2:-20}" waited=0
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  while alive "$pid" && [ "$waited" -lt $((grace * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
  if alive "$pid"; then
    echo "  pid $pid did not stop in ${grace}s: killing it"
    kill -KILL "$pid" 2>/dev/null
  fi
}

#!/usr/bin/env bash
# Stops everything deploy/local/start.sh started, by the pids it wrote under deploy/.run/pids: the service
# processes (SIGTERM, then SIGKILL after a grace period), the broker (rabbitmqctl stop, then by pid), its epmd.
# Data (deploy/.run/data, the broker's queues) stays for the next start.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ -d "$PID_DIR" ] || { echo "nothing to stop ($PID_DIR does not exist)"; exit 0; }

stop_file() {
  local file="$1" grace="$2" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if alive "$pid"; then echo "stopping $(basename "$file" .pid) (pid $pid)"; stop_pid "$pid" "$grace"; fi
  rm -f "$file"
}

# Services first, so they do not spend their shutdown reconnecting to a broker that is gone.
for file in "$PID_DIR"/*.pid; do
  case "$(basename "$file")" in rabbitmq*.pid|epmd.pid|'*.pid') continue ;; esac
  stop_file "$file" 30 &
done
wait

if [ -f "$PID_DIR/rabbitmq.pid" ] && alive "$(cat "$PID_DIR/rabbitmq.pid")"; then
  echo "stopping RabbitMQ node $NODE_NAME"
  ( rabbit_env; timeout 60 "$RABBIT_BIN/rabbitmqctl" -q -n "$NODE_NAME" stop "$RABBITMQ_PID_FILE" ) \
    || echo "  rabbitmqctl stop failed: stopping by pid"
fi
stop_file "$PID_DIR/rabbitmq.pid" 30
stop_file "$PID_DIR/rabbitmq-launcher.pid" 10
stop_file "$PID_DIR/epmd.pid" 10
rm -f "$RUN_DIR/instances"
echo "stopped"

#!/usr/bin/env bash
# Configures a running broker for TclHotline with rabbitmqctl: the vhost (quorum queues by default) and one
# user per service whose permissions cover only the names that service uses. Idempotent: run on every start.
#
# RabbitMQ permissions are regular expressions over exchange and queue names, per operation:
#   configure (declare/delete), write (publish, bind to), read (consume, bind from).
# MassTransit names, with the kebab-case formatter the services use:
#   <module>-<consumer>, <module>-<consumer>_error/_skipped     a module's own queues and their exchanges
#   TclHotline.Messages.<Ns>:<Type>                             one exchange per event type
#   MassTransit:Fault--...                                      where faults are published
#   <host>_<process>_bus_<id>                                   each process's temporary bus endpoint
# What cannot be expressed: which event types a service may publish. Event namespaces are not owners (the
# deadline events in TclHotline.Messages.Sla are published by Dispatch and Complaints), so every service may
# declare and write to every event exchange; what each service may consume is still its own queues only.
#
# A service user's own queues are those of every module its host runs (intake hosts telephony too).
#
# Environment: RABBITMQ_VHOST (default tclhotline), <USER>_BUS_PASSWORD for each user below;
# RABBITMQCTL (default rabbitmqctl) and its usual node settings.
set -euo pipefail
ctl="${RABBITMQCTL:-rabbitmqctl}"
vhost="${RABBITMQ_VHOST:-tclhotline}"

# The node may not answer yet (it is starting beside us): retry, for up to about two minutes.
for attempt in $(seq 60); do
  "$ctl" -q await_startup --timeout 120 >/dev/null 2>&1 && break
  [ "$attempt" -eq 60 ] && { echo "broker did not start"; exit 1; }
  sleep 2
done
"$ctl" -q list_vhosts name | grep -qx "$vhost" || "$ctl" -q add_vhost "$vhost" --default-queue-type quorum

# user: the modules whose queues it owns
users=(
  "intake: intake telephony"
  "dispatch: dispatch"
  "sla: sla"
  "complaints: complaints"
  "returns: returns"
)

shared='TclHotline\.Messages\..*|MassTransit:Fault--.*|.*_bus_.*'
for entry in "${users[@]}"; do
  user="${entry%%:*}"
  read -r -a modules <<<"${entry#*:}"
  var="$(echo "$user" | tr '[:lower:]' '[:upper:]')_BUS_PASSWORD"
  password="${!var:?$var is required}"
  if "$ctl" -q list_users | awk '{print $1}' | grep -qx "$user"; then
    "$ctl" -q change_password "$user" "$password"
  else
    "$ctl" -q add_user "$user" "$password"
  fi
  queues="$(printf '%s-.*|' "${modules[@]}")"
  own="^(${queues}${shared})\$"
  "$ctl" -q set_permissions -p "$vhost" "$user" "$own" "$own" "$own"
done
echo "TclHotline: vhost $vhost and service users configured"

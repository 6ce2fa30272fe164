#!/usr/bin/env bash
# The broker container's entrypoint: the official image's own entrypoint runs the broker as PID 1 while
# configure.sh sets up the vhost and users beside it; the health check passes only once that is done.
set -euo pipefail
rm -f /tmp/tclhotline-configured
(
  /etc/rabbitmq/tclhotline/configure.sh && touch /tmp/tclhotline-configured
) &
exec docker-entrypoint.sh rabbitmq-server

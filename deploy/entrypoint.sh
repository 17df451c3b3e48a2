#!/bin/sh
# The image's entrypoint: migrate first when TRYGPLAN_MIGRATE=1 (one process of a deployment
# should do it: the compose file's `migrate` service), then run the command given.
set -eu
if [ "${TRYGPLAN_MIGRATE:-0}" = "1" ]; then
  trygplan migrate --noinput
fi
exec "$@"

#!/usr/bin/env bash
# Starts the action server, the Rasa server and the web server (chat page and directory)
# together; Ctrl-C stops them all.
# With --shell, talks to the bot in this terminal instead of serving HTTP. Rasa is started as
# `python -m bot`: its own command line with the project's patches installed (bot/patches/).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
WEB_PORT=${WEB_PORT:-8000}

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

"$VENV/bin/python" -m actions.server --actions actions --port "$ACTION_PORT" &
pids+=($!)

if [ "${1:-}" = "--shell" ]; then
  "$VENV/bin/python" -m bot shell --model models/current.tar.gz --endpoints "${RASA_ENDPOINTS:-endpoints.yml}"
  exit 0
fi

"$VENV/bin/python" -m bot run --model models/current.tar.gz --port "$RASA_PORT" \
  --credentials credentials.yml --endpoints "${RASA_ENDPOINTS:-endpoints.yml}" --cors "*" &
pids+=($!)

RASA_URL="http://localhost:$RASA_PORT" WEB_PORT="$WEB_PORT" "$VENV/bin/python" -m web &
pids+=($!)

for _ in $(seq 1 240); do
  if curl -fs "http://localhost:$RASA_PORT/" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "the Rasa server failed to start" >&2; exit 1; fi
  sleep 0.5
done
cat <<MSG

  The assistant is running (Ctrl-C stops it):
    web chat:   http://localhost:$WEB_PORT/
    directory:  http://localhost:$WEB_PORT/directory   (API: /api/services?need=anxiety&age=14&place=ME14)
    SMS:        http://localhost:$RASA_PORT/webhooks/twilio_sms/webhook   (Twilio; see README)
    REST:       http://localhost:$RASA_PORT/webhooks/rest/webhook
                curl -s localhost:$RASA_PORT/webhooks/rest/webhook -d '{"sender":"me","message":"hi"}'
    socket.io:  http://localhost:$RASA_PORT/socket.io
    actions:    http://localhost:$ACTION_PORT/health

MSG
wait -n "${pids[@]}"

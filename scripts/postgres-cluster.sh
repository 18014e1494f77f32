#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` installs Debian's postgresql package when
# it is missing, makes a cluster in a temporary folder, starts it on 127.0.0.1 at a free port
# (and a Unix socket in that folder) with a password kept in a temporary PGPASSFILE, and prints
# the variables to export (`eval "$(scripts/postgres-cluster.sh start)"`). `stop [FOLDER]`
# stops it and removes the folder (default: $QUORUM_TEST_POSTGRES_DIR). `restart [FOLDER]` stops
# it at once, ending every connection, and starts it again on the same port.
set -euo pipefail

user=quorum

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

bin_folder() {
    local folder
    folder=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    [[ -n $folder && -x $folder/initdb ]] && { echo "$folder"; return; }
    echo "postgres-cluster: installing Debian's postgresql package" >&2
    local sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    local log
    log=$(mktemp)
    if ! { "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq postgresql; } >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
    ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local bin folder password port attempt
    bin=$(bin_folder)
    folder=$(mktemp -d /tmp/quorum-postgres.XXXXXX)
    chmod 755 "$folder"
    mkdir -m 700 "$folder/data"
    mkdir -m 755 "$folder/socket" "$folder/log"
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    printf '%s\n' "$password" >"$folder/password"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$folder/data" "$folder/socket" "$folder/log" "$folder/password"
    fi
    as_postgres "'$bin/initdb' -D '$folder/data' -U $user --auth=scram-sha-256 --pwfile='$folder/password' -E UTF8 --locale=C.UTF-8" \
        >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; rm -rf "$folder"; exit 1; }
    rm -f "$folder/password"
    # The port is chosen now, free at this moment; another process may take it first, so try again.
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_postgres "'$bin/pg_ctl' -D '$folder/data' -l '$folder/log/server.log' -w -t 60 -o \"-p $port -k '$folder/socket' -c listen_addresses=127.0.0.1 -c fsync=off\" start" \
            >/dev/null 2>&1; then
            break
        fi
        port=
    done
    if [[ -z $port ]]; then
        cat "$folder/log/server.log" >&2 || true
        rm -rf "$folder"
        echo "postgres-cluster: the server did not start" >&2
        exit 1
    fi
    printf '127.0.0.1:%s:*:%s:%s\n' "$port" "$user" "$password" >"$folder/pgpass"
    chmod 600 "$folder/pgpass"
    echo "export QUORUM_TEST_POSTGRES_DIR='$folder'"
    echo "export QUORUM_TEST_POSTGRES_URL='postgresql://$user@127.0.0.1:$port/postgres?sslmode=disable'"
    echo "export PGPASSFILE='$folder/pgpass'"
}

stop() {
    local folder=${1:-${QUORUM_TEST_POSTGRES_DIR:-}}
    [[ -n $folder && -d $folder/data ]] || { echo "postgres-cluster: no cluster folder to stop" >&2; exit 1; }
    as_postgres "'$(bin_folder)/pg_ctl' -D '$folder/data' -m immediate -w stop" >/dev/null 2>&1 || true
    rm -rf "$folder"
}

restart() {
    local folder=${1:-${QUORUM_TEST_POSTGRES_DIR:-}}
    [[ -n $folder && -d $folder/data ]] || { echo "postgres-cluster: no cluster folder to restart" >&2; exit 1; }
    as_postgres "'$(bin_folder)/pg_ctl' -D '$folder/data' -l '$folder/log/server.log' -m fast -w -t 60 restart" >/dev/null
}

case ${1:-} in
    start) start ;;
    stop) stop "${2:-}" ;;
    restart) restart "${2:-}" ;;
    *) echo "usage: $0 start | stop [FOLDER] | restart [FOLDER]" >&2; exit 64 ;;
esac

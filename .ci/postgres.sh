# PostgreSQL for the storage tests; sourced by .ci/run after lib.sh.
# shellcheck shell=bash

PG_USER=boussole_test
PG_DB=boussole_test
# A throwaway password for a test database that listens on loopback only.
PG_PASSWORD=boussole_test_ci

# start_postgres starts the "main" cluster of the newest installed major
# version on 127.0.0.1, creates the test role and an empty test database,
# and exports BOUSSOLE_TEST_POSTGRES_URL.
start_postgres() {
	local version port
	version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)"
	if [[ -z "$version" || ! -x "/usr/lib/postgresql/$version/bin/postgres" ]]; then
		echo "serveur PostgreSQL introuvable dans /usr/lib/postgresql" >&2
		return 1
	fi
	if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
		quiet pg_createcluster "$version" main
	fi
	# Loopback only; durability is useless for a database rebuilt every run.
	# Debian's postgresql.conf reads conf.d/ last, so these settings win.
	cat >"/etc/postgresql/$version/main/conf.d/boussole-ci.conf" <<-'EOF'
		listen_addresses = '127.0.0.1'
		fsync = off
		synchronous_commit = off
		full_page_writes = off
	EOF
	if pg_ctlcluster "$version" main status >/dev/null 2>&1; then
		pg_ctlcluster "$version" main restart # applies the settings above
	else
		pg_ctlcluster "$version" main start
	fi
	port="$(pg_conftool -s "$version" main show port)"
	pg_isready -q -h 127.0.0.1 -p "$port" -t 60
	echo "PostgreSQL $version, cluster main, port $port"

	as_postgres "$port" -c "DO \$\$ BEGIN
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
			CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
		ELSE
			ALTER ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
		END IF;
	END \$\$"
	as_postgres "$port" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
	as_postgres "$port" -c "CREATE DATABASE $PG_DB OWNER $PG_USER"

	export BOUSSOLE_TEST_POSTGRES_URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/$PG_DB?sslmode=disable"
	PGCONNECT_TIMEOUT=10 psql "$BOUSSOLE_TEST_POSTGRES_URL" -X -q -t -c 'SELECT 1' >/dev/null
}

# as_postgres PORT ARGS… runs psql as the postgres superuser over the socket.
as_postgres() {
	local port=$1
	shift
	(cd / && PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@")
}

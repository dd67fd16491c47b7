# Helpers shared by .ci/run; sourced, not executed.
# shellcheck shell=bash disable=SC2034 # variables used by .ci/run

STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2
AXE_VERSION=4.14.1

# heading prints a visible section title.
heading() {
	printf '\n===== %s =====\n' "$*"
}

# retry N CMD… runs CMD up to N times, pausing longer after each failure,
# for steps that depend on a package registry.
retry() {
	local tries=$1 n=1
	shift
	until "$@"; do
		if ((n >= tries)); then
			echo "échec après $tries essais : $*" >&2
			return 1
		fi
		echo "essai $n échoué : $* ; nouvel essai dans $((n * 15)) s" >&2
		sleep $((n * 15))
		n=$((n + 1))
	done
}

# quiet CMD… runs CMD with its output in a log, shown only when it fails.
quiet() {
	local log rc=0
	log="$(mktemp)"
	"$@" >"$log" 2>&1 || rc=$?
	if ((rc == 0)); then
		rm -f "$log"
		return 0
	fi
	tail -n 60 "$log" >&2
	rm -f "$log"
	return "$rc"
}

# install_debian_packages PKG… installs the packages that are missing.
install_debian_packages() {
	local missing=()
	local pkg
	for pkg in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$pkg")
		fi
	done
	if ((${#missing[@]} == 0)); then
		echo "déjà installés : $*"
		return 0
	fi
	local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
	retry 3 quiet "${apt[@]}" update
	retry 3 quiet "${apt[@]}" install "${missing[@]}"
	echo "installés : ${missing[*]}"
}

# install_axe DIR installs axe-core into DIR and exports BOUSSOLE_AXE_JS.
install_axe() {
	local dir=$1
	if ! command -v npm >/dev/null; then
		install_debian_packages nodejs npm
	fi
	mkdir -p "$dir"
	retry 3 quiet npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "axe-core@$AXE_VERSION"
	export BOUSSOLE_AXE_JS="$dir/node_modules/axe-core/axe.min.js"
	test -s "$BOUSSOLE_AXE_JS"
}

# check_gofmt fails when a tracked Go file is not gofmt-formatted.
check_gofmt() {
	local unformatted
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		unformatted="$(git ls-files -z '*.go' | xargs -0 -r gofmt -l)"
	else
		unformatted="$(find . -name '*.go' -not -path './vendor/*' -print0 | xargs -0 -r gofmt -l)"
	fi
	if [[ -n "$unformatted" ]]; then
		echo "fichiers à formater avec gofmt -w :" >&2
		echo "$unformatted" >&2
		return 1
	fi
	echo "tous les fichiers Go suivis sont formatés"
}

#!/usr/bin/env bash
# Checks that the sources keep to the module picture of docs/ARCHITECTURE.md: which module may
# import which, that ncurses stays in its adapter, and that the executable only wires.
set -euo pipefail
cd "$(dirname "$0")/.."

problems=0
complain() { echo "check-modules: $*" >&2; problems=$((problems + 1)); }

# imports MODULE: the modules MODULE's sources import, one a line.
imports() { grep -rhoE '^(@testable )?import [A-Za-z_]+' "Sources/$1" | awk '{print $NF}' | sort -u; }

# allow MODULE ALLOWED...: every project module (or GRDB, CNcurses, PostgresNIO…) MODULE imports is allowed.
allow() {
    local module=$1; shift
    local imported
    for imported in $(imports "$module"); do
        case $imported in
            Quorum*|CNcurses|GRDB|AsyncHTTPClient|TOMLKit|ArgumentParser|Crypto|PostgresNIO) ;;
            *) continue ;;
        esac
        [[ " $* " == *" $imported "* ]] || complain "$module imports $imported, which the module picture does not allow"
    done
}

allow QuorumCore
allow QuorumJSON
allow QuorumStore QuorumCore QuorumJSON GRDB Crypto
allow QuorumStorePostgres QuorumCore QuorumJSON QuorumStore PostgresNIO
allow QuorumEngine QuorumCore QuorumJSON QuorumStore AsyncHTTPClient TOMLKit
allow QuorumTUI QuorumCore QuorumStore CNcurses TOMLKit
allow QuorumSession QuorumCore QuorumStore QuorumStorePostgres QuorumEngine QuorumTUI
allow QuorumCommandLine QuorumCore QuorumStore QuorumSession QuorumJSON ArgumentParser
allow QuorumBench QuorumCore QuorumJSON QuorumStore QuorumStorePostgres QuorumEngine QuorumTUI QuorumSession QuorumCommandLine ArgumentParser
allow quorum QuorumCore QuorumJSON QuorumStore QuorumStorePostgres QuorumEngine QuorumTUI QuorumSession QuorumCommandLine QuorumBench ArgumentParser

# ncurses lives in one file.
while IFS= read -r file; do
    [[ $file == Sources/QuorumTUI/Terminal/NcursesTerminal.swift ]] || complain "$file imports CNcurses; only the ncurses adapter may"
done < <(grep -rlE '^import CNcurses' Sources)

# The executable parses arguments and wires: no benchmark in it, and little code.
if grep -rnE '^(public |final |private |fileprivate )*(struct|class|enum|actor|protocol) [A-Za-z]*Bench' Sources/quorum >&2; then
    complain "Sources/quorum defines a Bench type; benchmarks live in QuorumBench"
fi
lines=$(cat Sources/quorum/*.swift | wc -l)
((lines < 1500)) || complain "Sources/quorum has $lines lines; the executable only wires (under 1,500)"

# Every source folder's first file starts by saying what the folder is for: "// FOLDER: …".
while IFS= read -r folder; do
    first=$(find "$folder" -maxdepth 1 -name '*.swift' | LC_ALL=C sort | head -1)
    [[ -n $first ]] || continue
    head -1 "$first" | grep -q "^// ${folder#Sources/}: " \
        || complain "$first, the first file of $folder, does not start with \"// ${folder#Sources/}: what the folder is for\""
done < <(find Sources -type d | LC_ALL=C sort)

if ((problems)); then
    echo "check-modules: $problems problem(s)" >&2
    exit 1
fi

#!/usr/bin/env bash
# The calibration matrix (outside CI): both fixture apps and the synthetic app on /usr/bin/python3 and
# pyenv's 3.6, 3.7, 3.12 and 3.13 where they import; prints how many cells fall within 5%, 10% and 15%.
#   sim/src/test/apps/calibration-matrix.sh [OUT_DIR]   (needs sim/target/cowfleet.jar)
set -uo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
jar="${COWFLEET_JAR:-$root/sim/target/cowfleet.jar}"
apps="$root/sim/src/test/apps"
out="${1:-$root/output/calibration-matrix}"
requests="${MATRIX_REQUESTS:-50}"
mkdir -p "$out"
pythons=(/usr/bin/python3)
for v in 3.6 3.7 3.12 3.13; do
  for p in "$HOME"/.pyenv/versions/$v.*/bin/python; do [ -x "$p" ] && pythons+=("$p"); done
done
for python in "${pythons[@]}"; do
  version="$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
  # pyenv's interpreters import Debian's packages from dist-packages, as the issue describes
  extra=""; [ "$python" != /usr/bin/python3 ] && extra=/usr/lib/python3/dist-packages
  for app in djangoshop flaskshop synthetic; do
    target="$out/$app-$version"
    started=$(date +%s)
    if [ "$app" = synthetic ]; then
      java -jar "$jar" calibrate --python "$python" --requests-per-worker "$requests" --out "$target" --quiet \
        >"$target.log" 2>&1
    else
      PYTHONPATH="$extra" java -jar "$jar" calibrate --python "$python" --app "$app.wsgi:application" \
        --requests "$apps/$app/mix.txt" --chdir "$apps/$app" --requests-per-worker "$requests" --out "$target" --quiet \
        >"$target.log" 2>&1
    fi
    status=$?
    echo "$app $version exit $status in $(( $(date +%s) - started )) s: $(tail -1 "$target.log")"
  done
done
python3 - "$out" <<'PY'
import glob, json, os, sys
cells = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*", "calibration.json"))):
    run = os.path.basename(os.path.dirname(path))
    for cell in json.load(open(path)):
        cells.append((run, cell["policy"], cell["phase"], cell["relativeError"]))
n = len(cells)
for limit in (0.05, 0.10, 0.15):
    print("within %2d%%: %d of %d" % (round(limit * 100), sum(1 for c in cells if abs(c[3]) <= limit), n))
for run, policy, phase, error in cells:
    if abs(error) > 0.15:
        print("miss: %s %s/%s %+.0f%%" % (run, policy, phase, 100 * error))
PY

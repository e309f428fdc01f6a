#!/usr/bin/env bash
# Smoke test of the .deb (`make package-test`): unpack and install it, run the frozen app's commands, its
# DH worker and its window, measure size and start-up, uninstall. PASS/FAIL lines; exit 1 on any failure.
# Usage: packaging/package_test.sh [DEB]   (as root it installs with dpkg -i and removes it again;
# otherwise it runs everything from a `dpkg -x` throwaway root)
set -u
cd "$(dirname "$0")/.."
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' tlsgui/__init__.py)
deb=${1:-dist/tlsgui_${version}_$(dpkg --print-architecture).deb}
work=$(mktemp -d /tmp/tlsgui-package-test.XXXXXX)
figures=build/package-figures.txt
failures=0 checks=0 installed_by_us=""
gui_pid="" xvfb_pid=""

pass() { checks=$((checks + 1)); echo "PASS: $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*"; }
show() { sed 's/^/    | /' "$1" | tail -n "${2:-15}"; }
# check DESCRIPTION COMMAND...: PASS when the command exits 0; its output is in $work/out.
check() {
  local what=$1; shift
  if "$@" >"$work/out" 2>&1; then pass "$what"; else fail "$what (exit $?)"; show "$work/out"; fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  [ -n "$installed_by_us" ] && dpkg --purge tlsgui >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

echo "== package-test: $deb"
[ -f "$deb" ] || { echo "FAIL: $deb does not exist; run make package first"; exit 1; }
echo "# measured by packaging/package_test.sh on $(date -u +%Y-%m-%d) ($(nproc) cores, $(. /etc/os-release; echo "$PRETTY_NAME"), load average at start $(cut -d' ' -f1-3 /proc/loadavg))" >"$figures"
echo "deb_size=$(du -h "$deb" | cut -f1)" >>"$figures"

# 1. The package's metadata and file list.
dpkg-deb --field "$deb" Package Version Depends Installed-Size >"$work/fields"
grep -qx "Version: $version" "$work/fields" && pass "control: Version $version" || { fail "control: Version"; show "$work/fields"; }
dpkg-deb --contents "$deb" >"$work/contents"
for path in ./opt/tlsgui/tlsgui ./usr/bin/tlsgui ./usr/share/applications/org.tlsgui.tlsgui.desktop \
            ./usr/share/metainfo/org.tlsgui.tlsgui.metainfo.xml ./usr/share/icons/hicolor/256x256/apps/tlsgui.png \
            ./usr/share/icons/hicolor/scalable/apps/tlsgui.svg; do
  grep -q " $path\( ->\|$\)" "$work/contents" && pass "contents: $path" || fail "contents: $path missing"
done
if grep " root/root " "$work/contents" >/dev/null && ! grep -v " root/root " "$work/contents" | grep -q .; then
  pass "contents: every file owned by root:root"
else
  fail "contents: files not owned by root:root"
fi

# 2. Every module of the tlsgui source tree is inside the frozen archive (commands, workers and pages are
#    imported by name, so a missing one would only fail when used).
if [ -x .venv/bin/pyi-archive_viewer ]; then
  find tlsgui -name '*.py' -not -path '*/__pycache__/*' | sed 's/\.py$//; s/\/__init__$//; s/\//./g' | sort >"$work/modules.source"
  dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/tlsgui/tlsgui >"$work/tlsgui.exe"
  .venv/bin/pyi-archive_viewer -r -b "$work/tlsgui.exe" 2>/dev/null | sed 's/^ *//' | grep -E '^tlsgui(\.|$)' | sort -u >"$work/modules.frozen"
  missing=$(comm -23 "$work/modules.source" "$work/modules.frozen")
  [ -z "$missing" ] && pass "all $(wc -l <"$work/modules.source") tlsgui modules are in the frozen archive" \
    || fail "modules missing from the frozen archive: $(echo $missing)"
fi

# 3. Unpacked into a throwaway root, the frozen app runs from wherever it sits.
check "dpkg -x into a throwaway root" dpkg -x "$deb" "$work/root"
check "frozen tlsgui --version (from the unpacked tree)" "$work/root/opt/tlsgui/tlsgui" --version
grep -qx "tlsgui $version" "$work/out" || { fail "--version printed $(cat "$work/out")"; }

# 4. Installed on this machine when we are root (the real thing: Depends resolved, launcher on the PATH).
if [ "$(id -u)" = 0 ]; then
  dpkg-query -W tlsgui >/dev/null 2>&1 && dpkg --purge tlsgui >/dev/null 2>&1
  if dpkg -i "$deb" >"$work/out" 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$work/out" 2>&1; then
    installed_by_us=1; pass "dpkg -i $deb"
  else
    fail "dpkg -i $deb"; show "$work/out"
  fi
  app=/usr/bin/tlsgui prefix=/
else
  echo "note: not root, so the package is not installed; testing the dpkg -x tree"
  app=$work/root/opt/tlsgui/tlsgui prefix=$work/root/
fi
check "launcher $app --version" "$app" --version
[ "$(readlink -f "$app")" = "$(readlink -f "${prefix}opt/tlsgui/tlsgui")" ] && pass "launcher resolves to ${prefix}opt/tlsgui/tlsgui" \
  || fail "launcher resolves to $(readlink -f "$app")"
size=$(du -sh "${prefix}opt/tlsgui" | cut -f1)
echo "installed_size=$size (du -sh /opt/tlsgui)" >>"$figures"
echo "info: installed size of /opt/tlsgui: $size"

# 5. Cold start of `tlsgui --version`: the first run after dropping the page cache (when allowed), then warm.
sync; if echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cold_note="page cache dropped"; else cold_note="page cache not dropped (not allowed here)"; fi
t0=$(now_ms); "$app" --version >/dev/null; cold=$(($(now_ms) - t0))
for _ in 1 2 3 4 5; do t0=$(now_ms); "$app" --version >/dev/null; echo $(($(now_ms) - t0)); done >"$work/times"
warm=$(median <"$work/times")
echo "version_cold_ms=$cold ($cold_note)" >>"$figures"; echo "version_warm_median_ms=$warm (5 runs)" >>"$figures"
echo "info: tlsgui --version: first run ${cold} ms ($cold_note), median of 5 warm runs ${warm} ms"

# 6. The CLI commands, compared with the source app where the development venv exists.
check "tlsgui --help" "$app" --help
cp "$work/out" "$work/help.frozen"
check "tlsgui demo DIR" "$app" demo "$work/demo"
[ -n "$(find "$work/demo/Project" -name '*.4DProject' 2>/dev/null)" ] && pass "demo wrote a 4D project" || fail "demo wrote no .4DProject"
check "tlsgui check DIR (exit 0)" "$app" check "$work/demo"
check "tlsgui check DIR --json" "$app" check "$work/demo" --json
cp "$work/out" "$work/check.frozen"
check "tlsgui settings DIR set web.https_port=8443" "$app" settings "$work/demo" set web.https_port=8443
"$app" settings "$work/demo" --json >"$work/out" 2>&1 && grep -q '8443' "$work/out" \
  && pass "settings --json shows the saved value" || { fail "settings --json after set"; show "$work/out"; }
"$app" check "$work/no-such-project" >"$work/out" 2>&1; rc=$?
if [ $rc = 2 ] && grep -q "does not exist" "$work/out" && ! grep -q Traceback "$work/out"; then
  pass "bad project path: exit 2 with a message, no traceback"
else
  fail "bad project path: exit $rc"; show "$work/out"
fi
if [ -x .venv/bin/python ]; then
  .venv/bin/python -m tlsgui --help 2>&1 | sed 's/^usage: __main__.py/usage: tlsgui/' >"$work/help.source"
  sed 's/^usage: tlsgui/usage: tlsgui/' "$work/help.frozen" | diff -q - "$work/help.source" >/dev/null \
    && pass "frozen --help lists the same commands as the source app" \
    || { fail "frozen --help differs from the source app"; diff "$work/help.frozen" "$work/help.source" | head; }
  "$app" settings "$work/demo" set web.https_port=443 >/dev/null 2>&1
  "$app" check "$work/demo" --json >"$work/check.frozen"
  .venv/bin/python -m tlsgui check "$work/demo" --json >"$work/check.source" 2>&1
  cmp -s "$work/check.frozen" "$work/check.source" && pass "frozen check --json equals the source app's" \
    || { fail "frozen check --json differs from the source app's"; diff "$work/check.frozen" "$work/check.source" | head; }
fi

# 7. The DH worker child, as the GUI starts it ([sys.executable, "--worker", ...]): PEM on stdout, checked by openssl.
"$app" --worker dhparams --bits 512 --allow-test-size >"$work/dh512.pem" 2>"$work/err" \
  && openssl dhparam -in "$work/dh512.pem" -check -noout >/dev/null 2>&1 && pass "worker dhparams 512 (test size) valid" \
  || { fail "worker dhparams 512"; show "$work/err"; }
"$app" --worker dhparams --bits 1000 >"$work/out" 2>"$work/err"; rc=$?
[ $rc = 2 ] && [ ! -s "$work/out" ] && grep -q "not offered" "$work/err" && pass "worker refuses 1000 bits: exit 2, message, no output" \
  || { fail "worker with 1000 bits: exit $rc"; show "$work/err"; }
echo "info: generating real 2048-bit DH parameters through the frozen worker (up to a few minutes)"
t0=$(now_ms)
if "$app" --worker dhparams --bits 2048 >"$work/dh.pem" 2>"$work/err"; then
  dh_ms=$(($(now_ms) - t0))
  if openssl dhparam -in "$work/dh.pem" -check -noout >"$work/out" 2>&1 \
     && openssl dhparam -in "$work/dh.pem" -text -noout | grep -q "(2048 bit)"; then
    pass "worker dhparams 2048: openssl dhparam -check ok, 2048 bit (${dh_ms} ms)"
    echo "dh2048_ms=$dh_ms" >>"$figures"
  else
    fail "worker dhparams 2048: openssl rejects the output"; show "$work/out"
  fi
else
  fail "worker dhparams 2048 exited $?"; show "$work/err"
fi

# 8. The window offscreen, on the demo project and without arguments (a fresh demo copy, made under $work):
#    it must still be running (not crashed) after 3 s; then it is stopped.
for args in "$work/demo" ""; do
  TMPDIR=$work QT_QPA_PLATFORM=offscreen "$app" $args >"$work/gui.log" 2>&1 &
  gui_pid=$!
  sleep 3
  if kill -0 "$gui_pid" 2>/dev/null && ! grep -qE "Traceback|Could not load the Qt platform" "$work/gui.log"; then
    pass "window opens offscreen (tlsgui ${args:-without arguments}) and keeps running (3 s)"
  else
    fail "window offscreen (tlsgui ${args:-without arguments}) crashed or failed"; show "$work/gui.log"
  fi
  kill "$gui_pid" 2>/dev/null; wait "$gui_pid" 2>/dev/null; gui_pid=""
done

# 9. The window on a real X server (Xvfb, the xcb plugin a desktop uses): time until it is mapped, 3 runs.
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  # -displayfd: the server picks a free display and writes its number once it accepts clients, so a
  # fixed number never collides with another X server on a shared machine and no sleep guesses readiness.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 250); do [ -s "$work/display" ] && break; sleep 0.02; done
  display=":$(head -n1 "$work/display")"
  : >"$work/times"
  for run in 1 2 3; do
    t0=$(now_ms)
    DISPLAY=$display "$app" "$work/demo" >"$work/gui.log" 2>&1 &
    gui_pid=$!
    # Poll every 20 ms (xdotool's own --sync polls every 0.5 s, too coarse to time a start-up).
    # The window's WM_CLASS is "tlsgui" whatever its title says.
    shown=""
    for _ in $(seq 1 1500); do
      DISPLAY=$display xdotool search --onlyvisible --class tlsgui >/dev/null 2>&1 && { shown=$(now_ms); break; }
      kill -0 "$gui_pid" 2>/dev/null || break
      sleep 0.02
    done
    if [ -n "$shown" ] && ! grep -q Traceback "$work/gui.log"; then
      echo $((shown - t0)) >>"$work/times"
    else
      fail "window on Xvfb (run $run) did not appear within ~30 s, exited, or printed a traceback"; show "$work/gui.log"
    fi
    kill "$gui_pid" 2>/dev/null; wait "$gui_pid" 2>/dev/null; gui_pid=""
  done
  if [ "$(wc -l <"$work/times")" = 3 ]; then
    window=$(median <"$work/times")
    pass "window appears on Xvfb (median of 3: ${window} ms; runs: $(tr '\n' ' ' <"$work/times"))"
    echo "time_to_window_median_ms=$window (Xvfb, runs: $(tr '\n' ' ' <"$work/times"))" >>"$figures"
  fi
  kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; xvfb_pid=""
else
  fail "Xvfb or xdotool missing (sh packaging/system-deps.sh package installs them)"
fi

# 10. Uninstall: nothing of the package is left behind.
if [ -n "$installed_by_us" ]; then
  check "dpkg --purge tlsgui" dpkg --purge tlsgui
  installed_by_us=""
  left=$(ls -d /opt/tlsgui /usr/bin/tlsgui /usr/share/applications/org.tlsgui.tlsgui.desktop 2>/dev/null)
  [ -z "$left" ] && pass "uninstalled: /opt/tlsgui, launcher and .desktop entry are gone" || fail "left behind: $left"
fi

echo "== package-test: $((checks - failures)) passed, $failures failed (figures in $figures)"
cat "$figures"
[ "$failures" = 0 ]

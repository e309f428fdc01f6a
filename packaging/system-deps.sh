#!/bin/sh
# Qt's system libraries on Debian/Ubuntu: install them when root, otherwise print the apt-get line.
# Usage: system-deps.sh [qt|peers]   qt: what PySide6 needs (offscreen and X11); peers: test tools.
set -eu
kind=${1:-qt}
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing to do here

# "a|b" means either name is fine (Ubuntu 24.04 renamed some libraries with a t64 suffix).
case "$kind" in
  qt) wanted="libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0t64|libglib2.0-0
             libdbus-1-3 libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
             libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxcb-xinerama0
             fonts-dejavu-core" ;;
  peers) wanted="openssl curl xvfb xauth imagemagick testssl.sh git strace chromium libnss3-tools pebble systemd" ;;
  # make package / package-test: objdump, metadata validators, the smoke test's tools, a shared libpython.
  package) wanted="binutils appstream desktop-file-utils openssl xvfb xauth xdotool
                   libpython3.11|libpython3.12|libpython3.13" ;;
  *) echo "usage: $0 [qt|peers]" >&2; exit 2 ;;
esac

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

missing=""
for choice in $wanted; do
  found=""
  for name in $(echo "$choice" | tr '|' ' '); do
    if installed "$name"; then found=1; break; fi
  done
  if [ -z "$found" ]; then
    # Pick the first alternative this system knows about.
    pick=""
    for name in $(echo "$choice" | tr '|' ' '); do
      if apt-cache show "$name" >/dev/null 2>&1; then pick=$name; break; fi
    done
    missing="$missing ${pick:-${choice##*|}}"
  fi
done
[ -z "$missing" ] && exit 0

line="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
  echo "Installing system packages:$missing"
  if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then apt-get update -qq; fi
  { DEBIAN_FRONTEND=noninteractive $line -qq >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive $line -qq >/dev/null; }; }
else
  echo "These system packages are missing:$missing"
  echo "Install them with:  sudo $line"
  exit 1
fi

#!/usr/bin/env sh
# Checks that this computer has the libraries Sohoa's window needs, puts
# Sohoa in the applications menu, then checks that it works here.
#
#   ./install.sh              for this user (as root: for every user)
#   ./install.sh --uninstall  takes the menu entry and the icon away again
#
# The program itself stays in this folder: move the folder first, then run
# this script from its new place. The stations' data is never touched.
set -eu
bundle="$(cd "$(dirname "$0")" && pwd)"
if [ "$(id -u)" -eq 0 ]; then
  share=/usr/share
else
  share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
entry="$share/applications/sohoa.desktop"
icon="$share/icons/hicolor/256x256/apps/sohoa.png"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$entry" "$icon"
  echo "Sohoa is no longer in the applications menu. The folder $bundle can be deleted."
  exit 0
fi

# The self-test runs offscreen; the window needs the desktop's X11 client
# libraries too, which the bundle leaves to the system.
xcb="$bundle/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
if [ -f "$xcb" ]; then
  missing="$(ldd "$xcb" | awk '/not found/ { print $1 }' | sort -u | tr '\n' ' ')"
  if [ -n "$missing" ]; then
    echo "Sohoa's window needs libraries this computer lacks: $missing" >&2
    echo "On Debian or Ubuntu: sudo apt install libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3" >&2
    exit 1
  fi
fi

mkdir -p "$(dirname "$entry")" "$(dirname "$icon")"
cp "$bundle/sohoa.png" "$icon"
sed "s|@BUNDLE@|$bundle|g" "$bundle/sohoa.desktop" > "$entry"
chmod 644 "$entry" "$icon"
echo "Sohoa is in the applications menu (Office). Checking that it works here..."
# The post-install check: a temporary station, an entry of each book keyed
# and saved through the real window, offscreen.
if QT_QPA_PLATFORM=offscreen "$bundle/sohoa" --self-test; then
  echo "Sohoa works on this computer."
else
  echo "The self-test FAILED: see the lines above, and the log in ~/.local/state/Sohoa/log." >&2
  exit 1
fi

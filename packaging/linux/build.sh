#!/usr/bin/env bash
# The Linux bundle, checked: `make bundle` runs this (after making .venv).
#
#   dist/sohoa/                                one folder: the program, its
#                                              Python, Qt and data, a menu
#                                              entry and install.sh
#   dist/sohoa-VERSION-linux-ARCH.tar.gz       that folder, to carry
#
# The bundle's own --self-test runs offscreen before the archive is made:
# a bundle that cannot key an entry is never packed. ARCHIVE=no (CI) stops
# after the self-test.
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${PYTHON:-.venv/bin/python}"
version="$("$python" -c 'import app; print(app.__version__)')"
archive="dist/sohoa-$version-linux-$(uname -m).tar.gz"

rm -rf build/pyinstaller dist/sohoa "$archive"
"$python" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/sohoa.spec
cp packaging/linux/sohoa.desktop packaging/linux/install.sh packaging/icons/sohoa.png dist/sohoa/

QT_QPA_PLATFORM=offscreen dist/sohoa/sohoa --self-test
if [ "${ARCHIVE:-yes}" = no ]; then
  exit 0
fi
tar -C dist -czf "$archive" sohoa
echo "Built $archive ($(du -h "$archive" | cut -f1)); unpack it and run sohoa/install.sh."

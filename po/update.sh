#!/usr/bin/env bash
# Regenerates po/talign.pot from the sources and merges it into every
# po/LANG.po (new msgids come in untranslated, marked for the translator).
#   po/update.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=Translate --keyword=TranslatePlural:1,2 \
  --keyword=Tr --keyword=SetMessage:2 --keyword=UiMsgid --add-comments=TRANSLATORS: --package-name=talign --msgid-bugs-address= \
  --no-location --sort-output -o po/talign.pot libalign/src/*.cc tools/*.cc
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-location --sort-output "$po" po/talign.pot
done

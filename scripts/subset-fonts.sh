#!/bin/sh
# Writes fonts/DejaVuSans*-subset.ttf: the DejaVu Sans faces that figures are drawn with, cut to the
# scripts figure text uses (Latin, Greek, punctuation, super/subscripts, letterlike symbols, arrows,
# mathematical operators), and fonts/subset-coverage.json, the code points both subsets hold. resvg
# shapes text about 3× faster from the subsets than from the full faces, whose size it pays for at
# every glyph; render.ts draws with them an SVG whose every character they hold, and with the full
# faces any other. fonts/advance-widths.json gives the faces' advance widths, with which figure text is
# laid out (vega, without a canvas, guesses 0.8 em a character). Needs fontTools (Debian: python3-fonttools). The names stay DejaVu Sans, as the
# licence (fonts/LICENSE) allows: no "Bitstream" or "Vera" in them.
set -eu
cd "$(dirname "$0")/.."
ranges="U+0020-007E,U+00A0-017F,U+0370-03FF,U+2000-206F,U+2070-209F,U+20AC,U+2100-218F,U+2190-21FF,U+2200-22FF,U+25A0-25FF"
for face in DejaVuSans DejaVuSans-Bold; do
  python3 -m fontTools.subset "node_modules/dejavu-fonts-ttf/ttf/$face.ttf" --unicodes="$ranges" \
    --no-hinting --drop-tables+=FFTM --output-file="fonts/$face-subset.ttf"
done
python3 - <<'PY'
import json
from fontTools.ttLib import TTFont
held = set.intersection(*(set(TTFont(f"fonts/{face}-subset.ttf").getBestCmap()) for face in ("DejaVuSans", "DejaVuSans-Bold")))
runs = []
for c in sorted(held):
    if runs and runs[-1][1] == c - 1:
        runs[-1][1] = c
    else:
        runs.append([c, c])
with open("fonts/subset-coverage.json", "w") as out:
    json.dump({"about": "code points both DejaVu Sans subsets hold, as [first, last] runs (scripts/subset-fonts.sh)", "runs": runs}, out)
    out.write("\n")
# Advance widths in em of every code point held, for laying out figure text before it is drawn.
widths = {}
for face, key in (("DejaVuSans", "regular"), ("DejaVuSans-Bold", "bold")):
    font = TTFont(f"fonts/{face}-subset.ttf")
    em = font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    widths[key] = {str(c): round(hmtx[cmap[c]][0] / em, 4) for c in sorted(held)}
with open("fonts/advance-widths.json", "w") as out:
    json.dump({"about": "advance widths (em) of DejaVu Sans and DejaVu Sans Bold by code point (scripts/subset-fonts.sh)", **widths}, out, separators=(",", ":"))
    out.write("\n")
PY
cp node_modules/dejavu-fonts-ttf/LICENSE fonts/LICENSE

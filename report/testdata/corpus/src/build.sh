#!/bin/sh
# Rebuilds the corpus PDFs from these sources: the HTML pages are printed by
# Chromium, the text files become flat ODT documents printed by LibreOffice.
# Needs chromium, libreoffice-writer, fonts-noto-cjk and fonts-wqy-microhei.
set -e
cd "$(dirname "$0")"
out=..
print() {
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" \
		--no-pdf-header-footer --print-to-pdf="$out/$2" "$1"
}
print p01_initiation_cindasc.html p01_initiation_cindasc.pdf
print p02_weekly_autos_dongwu.html p02_weekly_autos_dongwu.pdf
print p03_english_macquarie_property.html p03_english_macquarie_property.pdf
# The saved web page is printed as a browser prints it, with the print date
# and its address in the margins, so it is served from a local address.
python3 -m http.server 8765 --bind 127.0.0.1 >/dev/null 2>&1 &
server=$!
sleep 1
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" \
	--host-resolver-rules="MAP data.finance-portal.example 127.0.0.1:8765" \
	--print-to-pdf="$out/p06_webprint_guoyuan.pdf" http://data.finance-portal.example/p06_webprint_guoyuan.html
kill $server
tmp=$(mktemp -d)
python3 fodt.py p04_strategy_caitong.txt "$tmp/p04_strategy_caitong.fodt" "Noto Sans CJK SC" "财通证券研究所 | 2026 年度 A 股策略"
python3 fodt.py p05_morning_greatwall.txt "$tmp/p05_morning_greatwall.fodt" "WenQuanYi Micro Hei" "长城证券 · 晨会纪要"
soffice --headless --convert-to pdf --outdir "$out" "$tmp/p04_strategy_caitong.fodt" "$tmp/p05_morning_greatwall.fodt"

#!/bin/sh
# How the test PDFs were made (the tests never run this): Chromium prints
# the HTML pages, LibreOffice the flat ODT documents. Needs chromium,
# libreoffice-writer, fonts-wqy-zenhei and fonts-noto-cjk.
set -e
cd "$(dirname "$0")"
for f in sidebar_table two_columns; do
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$f.pdf $f.html
done
libreoffice --headless --convert-to pdf justified.fodt
# thirty_pages.pdf: justified.fodt with its body, two more long paragraphs
# and a page break repeated 30 times, printed the same way.
# encrypted.pdf: justified.fodt with an open password ("secret").
mkdir -p /tmp/enc
libreoffice --headless --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' --outdir /tmp/enc justified.fodt
cp /tmp/enc/justified.pdf encrypted.pdf
# restricted.pdf: a few lines, copying and printing restricted by an owner
# password, no password to open.
libreoffice --headless --convert-to 'pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"Printing":{"type":"long","value":"0"},"Changes":{"type":"long","value":"0"},"EnableCopyingOfContent":{"type":"boolean","value":"false"}}' restricted.fodt
# scan.pdf: a screenshot of a few lines of a report, printed as an image.
# curves.pdf: a page of filled outlines and no font, written by hand.

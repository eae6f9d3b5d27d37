#!/usr/bin/env python3
"""Build a flat ODT from a tiny markup: lines starting '# ' heading, '| a | b |' table rows, '' paragraph breaks."""
import sys, html
src, out, font = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(src, encoding='utf-8').read().split('\n')
body = []
table = []
def flush_table():
    global table
    if not table: return
    n = max(len(r) for r in table)
    body.append('<table:table table:name="T%d" table:style-name="Tbl">' % len(body))
    body.append('<table:table-column table:number-columns-repeated="%d"/>' % n)
    for r in table:
        body.append('<table:table-row>')
        for c in r + [''] * (n - len(r)):
            body.append('<table:table-cell office:value-type="string" table:style-name="Cell"><text:p text:style-name="TC">%s</text:p></table:table-cell>' % html.escape(c))
        body.append('</table:table-row>')
    body.append('</table:table>')
    table = []
for ln in lines:
    if ln.startswith('|'):
        table.append([c.strip() for c in ln.strip().strip('|').split('|')])
        continue
    flush_table()
    if ln.startswith('# '):
        body.append('<text:h text:style-name="H" text:outline-level="1">%s</text:h>' % html.escape(ln[2:]))
    elif ln.startswith('> '):
        body.append('<text:p text:style-name="R">%s</text:p>' % html.escape(ln[2:]))
    elif ln.strip():
        body.append('<text:p text:style-name="J">%s</text:p>' % html.escape(ln))
flush_table()
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="F" svg:font-family="'{font}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="F" style:font-name-asian="F" fo:font-size="10.5pt" style:font-size-asian="10.5pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/><style:header-style/><style:footer-style/></style:page-layout>
<style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" style:justify-single-word="false" fo:margin-bottom="0.15cm" fo:text-indent="0.74cm"/></style:style>
<style:style style:name="R" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="13pt" style:font-size-asian="13pt" fo:color="#9c1c1c"/></style:style>
<style:style style:name="TC" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16.6cm" table:align="margins"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border-bottom="0.5pt solid #888888"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:header><text:p text:style-name="R">{html.escape(sys.argv[4] if len(sys.argv) > 4 else '')}</text:p></style:header><style:footer><text:p text:style-name="R">请务必阅读正文之后的信息披露和法律声明</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>'''
open(out, 'w', encoding='utf-8').write(doc)

// Package report reads a broker report as text — OCR output, a copy-paste
// from the PDF, a markdown rendering such as the seed's — and returns what it
// says: the report (title, date, broker, industry and its rating), its themes
// with their theses, and its calls, one per stock, each checked against the
// securities master.
//
// Reading is a short pipeline, one file per step, each testable alone:
//
//	decode     decode.go    bytes → text: UTF-8, GBK/GB18030, UTF-16; binary refused
//	sections   sections.go  text → sections by heading (投资建议, 核心观点, 目录 …),
//	                        sections → paragraphs and tables
//	calls      calls.go     paragraphs → mentions: 名称(代码,评级) in every bracket,
//	           tables.go    width and spacing, names after 重点推荐 in the
//	                        recommendation section, rows of 代码/名称/评级 tables,
//	                        each under the theme its line or heading introduces
//	resolve    resolve.go   mentions → sectors.Call: the master's name for the code,
//	                        the report's spelling kept, rating words mapped,
//	                        one-character OCR misreadings corrected and flagged
//	report     report.go    calls merged one per stock; metadata (meta.go) and
//	                        theses (theses.go) added; a content-derived id
//
// Names are found in running text with an Aho–Corasick automaton over the
// master's 5,538 names in folded form (automaton.go, names.go), plus their
// look-alike misreadings (千/干, 入/人, 信/倍 …), so one pass finds them all.
//
// Nothing here does I/O beyond the caller's reader, and nothing is guessed:
// a code the master does not know is kept and flagged, never replaced, and a
// text with no calls is an *Error saying what was looked for.
package report

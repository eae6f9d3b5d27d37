// Package report reads a broker report — a PDF with a text layer
// (subpackage pdftext), a saved web page (htmltext), or text: OCR output, a
// copy-paste, a markdown rendering such as the seed's — and returns what it
// says: the report (title, date, broker, industry and its rating), its themes
// with their theses, and its calls, one per stock, each checked against the
// securities master.
//
// Reading is a short pipeline, one file per step, each testable alone:
//
//	decode     decode.go    bytes → text: a PDF's text layer (pdftext), a web page's
//	                        text (htmltext), UTF-8, GBK/GB18030, UTF-16; binary refused
//	document   document.go  text → lines with roles (body, risk, related research,
//	                        rating definitions, disclaimer, peers, past picks,
//	                        market tables, contents) and headings; page furniture
//	                        dropped; paragraphs, lists and tables (tables.go: split
//	                        by tabs, spaces or pipes, one cell per line, or column
//	                        by column), each read under its heading's theme, its
//	                        recommendation list and its company
//	mentions   mentions.go  a paragraph → the securities it names, in every code
//	                        notation and by name on its boundaries; those that
//	                        are no A-share kept as such and counted
//	calls      calls.go     securities → calls from local evidence: a table's
//	           phrases.go   current-rating column, the stock's own bracket, a
//	                        rating phrase about it (phrases.go), the cover's box,
//	                        membership of a list; the strongest evidence wins
//	resolve    resolve.go   mentions → sectors.Call: the master's name for the code,
//	                        the report's spelling kept, rating words mapped,
//	                        one-character OCR misreadings corrected and flagged
//	report     report.go    calls merged one per stock; metadata (meta.go: date,
//	                        broker from data/brokers.tsv via brokers.go, industry)
//	                        and theses (theses.go) added; a content-derived id
//
// Names are found in running text with an Aho–Corasick automaton over the
// master's 5,538 names in folded form (automaton.go, names.go), plus their
// look-alike misreadings (千/干, 入/人, 信/倍 …), so one pass finds them all.
//
// Nothing here does I/O beyond the caller's reader, and nothing is guessed:
// a code the master does not know is kept and flagged, never replaced, and a
// text with no calls is an *Error saying what was looked for.
//
// It imports the domain (sectors, sectors/market) and its own subpackages,
// never the store: the store imports it to read the seed report a new
// database starts from.
package report

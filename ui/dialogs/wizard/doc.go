// Package wizard adds a ticker from the whole market, the way a trading
// terminal's keyboard wizard (键盘精灵) works: type a code, a name or
// pinyin initials; candidates from the securities master appear as you
// type, ranked by the resolver the CLI uses. A fund or an index typed by
// its code (the master lists stocks only) comes first, named by the quote
// server through a command the root gives (WithLookup), as the CLI's add
// names it.
package wizard

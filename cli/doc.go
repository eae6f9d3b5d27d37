// Package cli is zixuan's command line: the subcommands that script the
// watchlist from a shell, and the default command that starts the TUI.
// Each command is a struct with a Run method in its own file; kong parses
// the flags, writes --help from the struct tags, and calls Run. It also
// reads the settings file, writes the shell completions and the man page,
// and says the store's typed errors in one line each (advice.go), with the
// exit statuses the manual lists (0, 1 for an error, 2 for bad input; 3 to
// 6 for alert check).
//
// It is a front end: it may import every package of zixuan but main, and
// none imports it but main.
package cli

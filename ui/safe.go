package ui

import (
	"fmt"

	"zixuan/safetext"
)

// safeLine makes store text inert for a one-line display.
func safeLine(s string) string { return safetext.Line(s) }

// safeBlock makes store text inert, keeping its line breaks.
func safeBlock(s string) string { return safetext.Block(s) }

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

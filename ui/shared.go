package ui

import "zixuan/ui/common"

// The root's names for the helpers its parts share (ui/common).

func fitLines(s string, w, h int) string { return common.FitLines(s, w, h) }
func fitName(name string, w int) string  { return common.FitName(name, w) }
func price(v float64) string             { return common.Price(v) }
func signedPrice(v float64) string       { return common.SignedPrice(v) }
func pct(v float64, prec int) string     { return common.Pct(v, prec) }
func sign(v float64) int                 { return common.Sign(v) }

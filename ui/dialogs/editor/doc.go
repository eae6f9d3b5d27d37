// Package editor is the multi-line note editor: ctrl+s saves, esc
// cancels, asking first when the text changed (ctrl+c too: months of
// thinking are not thrown away by one key).
package editor

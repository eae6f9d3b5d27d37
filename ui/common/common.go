package common

import "zixuan/store"

// Common is the context every part of the UI shares: the room it is
// drawn in, the keys, the styles, the texts of the language chosen, and
// the store. A component embeds it and reads from it rather than being
// handed each of them.
type Common struct {
	Width, Height int
	Keys          *KeyMap
	Styles        *Styles
	T             *Text
	Store         *store.Store
}

// SetSize gives the component the room it is drawn in.
func (c *Common) SetSize(width, height int) { c.Width, c.Height = width, height }

// Package keyhelp is every key of the list, over the body (?), the groups
// side by side as far as they fit and the rest below. ? or esc closes it;
// any other key closes it and does what it does on the list.
package keyhelp

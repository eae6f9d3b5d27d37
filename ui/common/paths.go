package common

import (
	"os"
	"path/filepath"
	"strings"
)

// ExpandHome reads a leading ~/ as the home folder, as a shell would.
func ExpandHome(path string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return path
}

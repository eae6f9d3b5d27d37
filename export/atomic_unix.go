//go:build !windows

package export

import "github.com/google/renameio/v2"

// writeFileAtomic puts data at path through a temporary file renamed over
// it: a reader sees the old file or the new one, never part of either.
func writeFileAtomic(path string, data []byte) error {
	return renameio.WriteFile(path, data, 0o600)
}

package export

import (
	"bytes"

	"github.com/natefinch/atomic"
)

// writeFileAtomic puts data at path through a temporary file in the same
// folder, synced and then moved over it (rename, or MoveFileEx on
// Windows): a reader sees the old file or the new one, never part of
// either. A file replaced keeps its mode; a new one is the user's alone.
func writeFileAtomic(path string, data []byte) error {
	return atomic.WriteFile(path, bytes.NewReader(data))
}

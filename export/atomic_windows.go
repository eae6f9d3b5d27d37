package export

import (
	"bytes"

	"github.com/natefinch/atomic"
)

// writeFileAtomic puts data at path through a temporary file moved over
// it (MoveFileEx): renameio, used elsewhere, cannot replace a file
// atomically on Windows.
func writeFileAtomic(path string, data []byte) error {
	return atomic.WriteFile(path, bytes.NewReader(data))
}

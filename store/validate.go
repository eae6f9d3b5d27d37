package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// validatePages checks every bound that bbolt follows blindly through its
// memory map, on the pages bbolt can reach from the meta page in use: the
// freelist page and every branch and leaf page of the bucket tree (inline
// bucket pages included). It checks page overflow counts, the position
// and size of every key and value, child page ids and freelist entries.
// Pages nothing refers to (free pages, or pages a killed writer filled
// before its commit) hold leftover bytes that bbolt never reads: they are
// not looked at. bbolt's Tx.Check runs in a goroutine of its own, where
// reading past the map is a fault that kills the process and an absurd
// overflow count makes it loop for ever; a file that fails here is
// reported damaged instead and Tx.Check is not run on it. The layout is
// bbolt's on-disk format (little endian, as on every platform zixuan is
// built for).
//
// The file is read through a window of pageWindow bytes, not into memory
// whole: with two years of prices stored it is ~80 MB, and every write
// command and the TUI's first write run this check.
func validatePages(r io.ReaderAt, size int64, pageSize int) error {
	return validatePagesWindow(r, size, pageSize, pageWindow)
}

// pageWindow is how much of the file validatePages reads at a time.
const pageWindow = 256 << 10

func validatePagesWindow(r io.ReaderAt, size int64, pageSize, window int) error {
	if pageSize <= 0 || size < 2*int64(pageSize) {
		return fmt.Errorf("the file is shorter than its two meta pages")
	}
	f := &fileWindow{r: r, size: size, buf: make([]byte, 0, max(window, 2*pageSize))}
	head, err := f.at(0, 2*pageSize)
	if err != nil {
		return err
	}
	m, ok := metaInUse(head, pageSize)
	if !ok {
		return fmt.Errorf("neither meta page is valid")
	}
	hwm := int(le.Uint64(m[40:]))
	freelist, root := le.Uint64(m[32:]), le.Uint64(m[16:])
	if hwm < 2 || int64(hwm) > size/int64(pageSize) {
		return fmt.Errorf("the meta page counts %d pages, the file holds %d", hwm, size/int64(pageSize))
	}
	w := walker{file: f, pageSize: pageSize, hwm: hwm, seen: map[uint64]bool{}}
	if freelist != noFreelist {
		flags, count, err := w.span(freelist)
		if err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
		if flags != freePage {
			return fmt.Errorf("freelist page %d is not a freelist page", freelist)
		}
		if err := w.page(int64(freelist)*int64(pageSize), freePage, count, 0, nil); err != nil {
			return fmt.Errorf("page %d: %w", freelist, err)
		}
	}
	return w.tree(root, 0)
}

// fileWindow reads the file a window at a time. A slice it returns is good
// until its next call.
type fileWindow struct {
	r    io.ReaderAt
	size int64
	buf  []byte // the file's bytes from off
	off  int64
}

// at returns the n bytes of the file at off, which the caller has checked
// lie within it.
func (f *fileWindow) at(off int64, n int) ([]byte, error) {
	if off < 0 || n < 0 || off+int64(n) > f.size {
		return nil, fmt.Errorf("a read at %d of %d bytes is outside the file", off, n)
	}
	if off >= f.off && off+int64(n) <= f.off+int64(len(f.buf)) {
		return f.buf[off-f.off : off-f.off+int64(n)], nil
	}
	want := int64(max(n, cap(f.buf)))
	want = min(want, f.size-off)
	if int64(cap(f.buf)) < want {
		f.buf = make([]byte, want)
	}
	f.buf = f.buf[:want]
	f.off = off
	if got, err := f.r.ReadAt(f.buf, off); got < len(f.buf) {
		f.buf = f.buf[:0]
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF // cut while it was read
		}
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	return f.buf[:n], nil
}

// metaInUse returns the meta page bbolt uses: of the two, the valid one
// (magic, checksum) with the higher transaction id.
func metaInUse(data []byte, pageSize int) ([]byte, bool) {
	var best []byte
	for i := 0; i < 2; i++ {
		m := data[i*pageSize+pageHeader : (i+1)*pageSize]
		if !metaValid(m) {
			continue
		}
		if best == nil || le.Uint64(m[48:]) > le.Uint64(best[48:]) {
			best = m
		}
	}
	return best, best != nil
}

// metaValid checks a meta page's magic number and checksum, as bbolt does.
func metaValid(m []byte) bool {
	if len(m) < 64 {
		return false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	return le.Uint32(m[0:]) == 0xED0CDAED && h.Sum64() == le.Uint64(m[56:])
}

// walker follows the bucket tree from a root page.
type walker struct {
	file     *fileWindow
	pageSize int
	hwm      int
	seen     map[uint64]bool
}

// span checks that page id and its overflow pages lie within the pages the
// meta page counts, and returns the page's flags and element count.
func (w *walker) span(id uint64) (flags uint16, count int, err error) {
	if id < 2 || id >= uint64(w.hwm) {
		return 0, 0, fmt.Errorf("page %d is outside the file", id)
	}
	if w.seen[id] {
		return 0, 0, fmt.Errorf("page %d is referred to twice", id)
	}
	w.seen[id] = true
	p, err := w.file.at(int64(id)*int64(w.pageSize), pageHeader)
	if err != nil {
		return 0, 0, err
	}
	overflow := int(le.Uint32(p[12:]))
	if overflow < 0 || int(id)+overflow >= w.hwm {
		return 0, 0, fmt.Errorf("page %d claims %d overflow pages, past the last page %d", id, overflow, w.hwm-1)
	}
	return le.Uint16(p[8:]), int(le.Uint16(p[10:])), nil
}

// tree checks the branch or leaf page id and everything below it.
func (w *walker) tree(id uint64, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("the tree under page %d is too deep", id)
	}
	flags, count, err := w.span(id)
	if err != nil {
		return err
	}
	if flags != branchPage && flags != leafPage {
		return fmt.Errorf("page %d is in the tree but is not a branch or leaf page (type 0x%02x)", id, flags)
	}
	if err := w.page(int64(id)*int64(w.pageSize), flags, count, 0, func(child uint64) error {
		return w.tree(child, depth+1)
	}); err != nil {
		return fmt.Errorf("page %d: %w", id, err)
	}
	return nil
}

const (
	pageHeader  = 16
	elementSize = 16
	branchPage  = 0x01
	leafPage    = 0x02
	freePage    = 0x10
	bucketLeaf  = 0x01
	bucketHead  = 16 // root page id, sequence
	maxNesting  = 16
	maxDepth    = 64 // branch levels and nested buckets together
	noFreelist  = 0xFFFFFFFFFFFFFFFF
)

var le = binary.LittleEndian

// page checks the page (or inline bucket's page) at offset start. Keys and
// values are bounded by the file, not the page: bbolt reads them through
// its map without looking at the page's end, and its own check does not
// look either; only a read past the file faults. follow, when not nil,
// checks each page the page refers to: branch children and bucket roots.
func (w *walker) page(start int64, flags uint16, count, depth int, follow func(id uint64) error) error {
	limit := w.file.size - start // the bytes from the page's start to the file's end
	switch flags {
	case branchPage, leafPage:
	case freePage:
		n, first := int64(count), int64(pageHeader)
		if count == 0xFFFF {
			if limit < pageHeader+8 {
				return fmt.Errorf("freelist count out of the page")
			}
			b, err := w.file.at(start+pageHeader, 8)
			if err != nil {
				return err
			}
			n, first = int64(le.Uint64(b)), pageHeader+8
		}
		if n < 0 || n > (limit-first)/8 {
			return fmt.Errorf("freelist of %d entries does not fit its page", n)
		}
		for i := int64(0); i < n; i++ {
			b, err := w.file.at(start+first+i*8, 8)
			if err != nil {
				return err
			}
			if id := le.Uint64(b); id < 2 || id >= uint64(w.hwm) {
				return fmt.Errorf("freelist entry %d is no page", id)
			}
		}
		return nil
	default:
		return nil // meta, or a page never written: nothing bbolt follows
	}
	if pageHeader+int64(count)*elementSize > limit {
		return fmt.Errorf("%d elements do not fit the page", count)
	}
	// a copy: following a child moves the window
	elements, err := w.file.at(start+pageHeader, count*elementSize)
	if err != nil {
		return err
	}
	elements = append([]byte(nil), elements...)
	for i := 0; i < count; i++ {
		at := int64(pageHeader + i*elementSize)
		e := elements[i*elementSize:]
		var pos, ksize, vsize int64
		if flags == branchPage {
			pos, ksize = int64(le.Uint32(e[0:])), int64(le.Uint32(e[4:]))
			child := le.Uint64(e[8:])
			if child < 2 || child >= uint64(w.hwm) {
				return fmt.Errorf("element %d points to page %d, outside the file", i, child)
			}
			if follow != nil {
				if err := follow(child); err != nil {
					return err
				}
			}
		} else {
			pos, ksize, vsize = int64(le.Uint32(e[4:])), int64(le.Uint32(e[8:])), int64(le.Uint32(e[12:]))
		}
		end := at + pos + ksize + vsize
		if end > limit {
			return fmt.Errorf("element %d's key or value runs off the page", i)
		}
		if flags == leafPage && le.Uint32(e[0:])&bucketLeaf != 0 {
			if vsize < bucketHead {
				return fmt.Errorf("element %d: a bucket header cut short", i)
			}
			head := bucketHead
			if vsize >= bucketHead+pageHeader {
				head += pageHeader // and an inline bucket's page header
			}
			v, err := w.file.at(start+at+pos+ksize, head)
			if err != nil {
				return err
			}
			root := le.Uint64(v)
			if root >= uint64(w.hwm) {
				return fmt.Errorf("element %d: a bucket rooted at page %d, outside the file", i, root)
			}
			if root == 0 { // an inline bucket: its page follows the header
				if depth >= maxNesting {
					return fmt.Errorf("buckets nested too deep")
				}
				if vsize < bucketHead+pageHeader {
					return fmt.Errorf("element %d: an inline bucket cut short", i)
				}
				inline := start + at + pos + ksize + bucketHead // bounded by the file, as above
				iflags, icount := le.Uint16(v[bucketHead+8:]), int(le.Uint16(v[bucketHead+10:]))
				if err := w.page(inline, iflags, icount, depth+1, follow); err != nil {
					return fmt.Errorf("inline bucket %d: %w", i, err)
				}
			} else if follow != nil {
				if err := follow(root); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// MetaNotice says, in one line, when one of the file's two meta pages
// fails its checksum while the other is good. bbolt then reads the good
// one, which is the transaction before: a commit torn by a crash (never
// confirmed) looks the same as a damaged page that held the newest
// commit, so the last change saved may be missing. The next commit
// rewrites that page. It returns "" for a file whose meta pages are both
// good, or both bad (which bbolt refuses to open at all).
func MetaNotice(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 2*maxPageSize)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if len(head) < pageHeader+64 {
		return ""
	}
	good0 := metaValid(head[pageHeader:])
	sizes := []int{int(le.Uint32(head[pageHeader+8:]))}
	if !good0 {
		sizes = []int{os.Getpagesize(), 4096, 8192, 16384, 32768, 65536}
	}
	for _, ps := range sizes {
		if ps < 1024 || ps > maxPageSize || len(head) < ps+pageHeader+64 {
			continue
		}
		m1 := head[ps+pageHeader:]
		good1 := metaValid(m1) && int(le.Uint32(m1[8:])) == ps
		switch {
		case good0 && !good1:
			return metaNotice(1)
		case !good0 && good1:
			return metaNotice(0)
		case good0 && good1:
			return ""
		}
	}
	return ""
}

const maxPageSize = 65536

func metaNotice(page int) string {
	return fmt.Sprintf("meta page %d fails its checksum: the newest transaction was incomplete or has been lost, so the last change saved may be missing (the next change rewrites the page; a backup has what was saved before it)", page)
}

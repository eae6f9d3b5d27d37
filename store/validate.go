package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// validatePages checks, on the file's bytes in memory, every bound that
// bbolt follows blindly through its memory map, on the pages bbolt can
// reach from the meta page in use: the freelist page and every branch and
// leaf page of the bucket tree (inline bucket pages included). It checks
// page overflow counts, the position and size of every key and value,
// child page ids and freelist entries. Pages nothing refers to (free
// pages, or pages a killed writer filled before its commit) hold leftover
// bytes that bbolt never reads: they are not looked at. bbolt's Tx.Check
// runs in a goroutine of its own, where reading past the map is a fault
// that kills the process and an absurd overflow count makes it loop for
// ever; a file that fails here is reported damaged instead and Tx.Check is
// not run on it. The layout is bbolt's on-disk format (little endian, as
// on every platform zixuan is built for).
func validatePages(data []byte, pageSize int) error {
	if pageSize <= 0 || len(data) < 2*pageSize {
		return fmt.Errorf("the file is shorter than its two meta pages")
	}
	m, ok := metaInUse(data, pageSize)
	if !ok {
		return fmt.Errorf("neither meta page is valid")
	}
	hwm := int(le.Uint64(m[40:]))
	if hwm < 2 || hwm > len(data)/pageSize {
		return fmt.Errorf("the meta page counts %d pages, the file holds %d", hwm, len(data)/pageSize)
	}
	w := walker{data: data, pageSize: pageSize, hwm: hwm, seen: map[uint64]bool{}}
	if fl := le.Uint64(m[32:]); fl != noFreelist {
		span, err := w.span(fl)
		if err != nil {
			return fmt.Errorf("freelist: %w", err)
		}
		if flags := le.Uint16(span[8:]); flags != freePage {
			return fmt.Errorf("freelist page %d is not a freelist page", fl)
		}
		if err := validatePage(data[int(fl)*pageSize:], freePage, int(le.Uint16(span[10:])), hwm, 0, nil); err != nil {
			return fmt.Errorf("page %d: %w", fl, err)
		}
	}
	return w.tree(le.Uint64(m[16:]), 0)
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
	data     []byte
	pageSize int
	hwm      int
	seen     map[uint64]bool
}

// span returns page id and its overflow pages, after checking they lie
// within the pages the meta page counts.
func (w *walker) span(id uint64) ([]byte, error) {
	if id < 2 || id >= uint64(w.hwm) {
		return nil, fmt.Errorf("page %d is outside the file", id)
	}
	if w.seen[id] {
		return nil, fmt.Errorf("page %d is referred to twice", id)
	}
	w.seen[id] = true
	p := w.data[int(id)*w.pageSize:]
	overflow := int(le.Uint32(p[12:]))
	if overflow < 0 || int(id)+overflow >= w.hwm {
		return nil, fmt.Errorf("page %d claims %d overflow pages, past the last page %d", id, overflow, w.hwm-1)
	}
	return p[:(overflow+1)*w.pageSize], nil
}

// tree checks the branch or leaf page id and everything below it.
func (w *walker) tree(id uint64, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("the tree under page %d is too deep", id)
	}
	span, err := w.span(id)
	if err != nil {
		return err
	}
	flags := le.Uint16(span[8:])
	if flags != branchPage && flags != leafPage {
		return fmt.Errorf("page %d is in the tree but is not a branch or leaf page (type 0x%02x)", id, flags)
	}
	// Keys and values are bounded by the file, not the page: bbolt reads
	// them through its map without looking at the page's end, and its own
	// check does not look either. Only a read past the file faults.
	rest := w.data[int(id)*w.pageSize:]
	if err := validatePage(rest, flags, int(le.Uint16(span[10:])), w.hwm, 0, func(child uint64) error {
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

// validatePage checks one page (span runs from the page's start, or an
// inline bucket's page, to the end of the file). follow, when not nil, checks
// each page the page refers to: branch children and bucket roots.
func validatePage(span []byte, flags uint16, count, hwm, depth int, follow func(id uint64) error) error {
	switch flags {
	case branchPage, leafPage:
	case freePage:
		n, start := count, pageHeader
		if count == 0xFFFF {
			if len(span) < pageHeader+8 {
				return fmt.Errorf("freelist count out of the page")
			}
			n, start = int(le.Uint64(span[pageHeader:])), pageHeader+8
		}
		if n < 0 || n > (len(span)-start)/8 {
			return fmt.Errorf("freelist of %d entries does not fit its page", n)
		}
		for i := 0; i < n; i++ {
			if id := le.Uint64(span[start+i*8:]); id < 2 || id >= uint64(hwm) {
				return fmt.Errorf("freelist entry %d is no page", id)
			}
		}
		return nil
	default:
		return nil // meta, or a page never written: nothing bbolt follows
	}
	if pageHeader+count*elementSize > len(span) {
		return fmt.Errorf("%d elements do not fit the page", count)
	}
	for i := 0; i < count; i++ {
		at := pageHeader + i*elementSize
		e := span[at:]
		var pos, ksize, vsize int
		if flags == branchPage {
			pos, ksize = int(le.Uint32(e[0:])), int(le.Uint32(e[4:]))
			child := le.Uint64(e[8:])
			if child < 2 || child >= uint64(hwm) {
				return fmt.Errorf("element %d points to page %d, outside the file", i, child)
			}
			if follow != nil {
				if err := follow(child); err != nil {
					return err
				}
			}
		} else {
			pos, ksize, vsize = int(le.Uint32(e[4:])), int(le.Uint32(e[8:])), int(le.Uint32(e[12:]))
		}
		end := at + pos + ksize + vsize
		if pos < 0 || ksize < 0 || vsize < 0 || end > len(span) || end < at {
			return fmt.Errorf("element %d's key or value runs off the page", i)
		}
		if flags == leafPage && le.Uint32(e[0:])&bucketLeaf != 0 {
			v := span[at+pos+ksize : end]
			if len(v) < bucketHead {
				return fmt.Errorf("element %d: a bucket header cut short", i)
			}
			root := le.Uint64(v)
			if root >= uint64(hwm) {
				return fmt.Errorf("element %d: a bucket rooted at page %d, outside the file", i, root)
			}
			if root == 0 { // an inline bucket: its page follows the header
				if depth >= maxNesting {
					return fmt.Errorf("buckets nested too deep")
				}
				inline := span[at+pos+ksize+bucketHead:] // bounded by the file, as above
				if len(v) < bucketHead+pageHeader {
					return fmt.Errorf("element %d: an inline bucket cut short", i)
				}
				if err := validatePage(inline, le.Uint16(inline[8:]), int(le.Uint16(inline[10:])), hwm, depth+1, follow); err != nil {
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

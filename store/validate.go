package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
)

// validatePages checks, on the file's bytes in memory, every bound that
// bbolt follows blindly through its memory map: page overflow counts, the
// position and size of every key and value on branch and leaf pages
// (inline bucket pages included), child page ids and freelist entries.
// bbolt's Tx.Check runs in a goroutine of its own, where reading past the
// map is a fault that kills the process and an absurd overflow count makes
// it loop for ever; a file that fails here is reported damaged instead and
// Tx.Check is not run on it. The layout is bbolt's on-disk format (little
// endian, as on every platform zixuan is built for).
func validatePages(data []byte, pageSize int) error {
	if pageSize <= 0 || len(data) < 2*pageSize {
		return fmt.Errorf("the file is shorter than its two meta pages")
	}
	// Of the two meta pages, bbolt uses the valid one (magic, checksum)
	// with the higher transaction id; its page count bounds every id.
	hwm, found := 0, false
	var txid uint64
	for i := 0; i < 2; i++ {
		m := data[i*pageSize+pageHeader:]
		h := fnv.New64a()
		h.Write(m[:56])
		if le.Uint32(m[0:]) != 0xED0CDAED || h.Sum64() != le.Uint64(m[56:]) {
			continue
		}
		if t := le.Uint64(m[48:]); !found || t > txid {
			txid, hwm, found = t, int(le.Uint64(m[40:])), true
		}
	}
	if !found {
		return fmt.Errorf("neither meta page is valid")
	}
	if hwm < 2 || hwm > len(data)/pageSize {
		return fmt.Errorf("the meta page counts %d pages, the file holds %d", hwm, len(data)/pageSize)
	}
	for id := 2; id < hwm; {
		p := data[id*pageSize:]
		flags, count, overflow := le.Uint16(p[8:]), int(le.Uint16(p[10:])), int(le.Uint32(p[12:]))
		if overflow < 0 || id+overflow >= hwm {
			return fmt.Errorf("page %d claims %d overflow pages, past the last page %d", id, overflow, hwm-1)
		}
		span := p[:(overflow+1)*pageSize]
		if err := validatePage(span, flags, count, hwm, 0); err != nil {
			return fmt.Errorf("page %d: %w", id, err)
		}
		id += overflow + 1
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
)

var le = binary.LittleEndian

// validatePage checks one page (span is the page and its overflow, or an
// inline bucket's value after its header).
func validatePage(span []byte, flags uint16, count, hwm, depth int) error {
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
		if n < 0 || start+n*8 > len(span) {
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
			if child := le.Uint64(e[8:]); child < 2 || child >= uint64(hwm) {
				return fmt.Errorf("element %d points to page %d, outside the file", i, child)
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
				inline := v[bucketHead:]
				if len(inline) < pageHeader {
					return fmt.Errorf("element %d: an inline bucket cut short", i)
				}
				if err := validatePage(inline, le.Uint16(inline[8:]), int(le.Uint16(inline[10:])), hwm, depth+1); err != nil {
					return fmt.Errorf("inline bucket %d: %w", i, err)
				}
			}
		}
	}
	return nil
}

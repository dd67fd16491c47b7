// Package ziplimit refuses zip archives (XLSX, DOCX, ODT, ODS) that would expand beyond a bound once
// decompressed: a few kilobytes can declare, or hide, gigabytes (a « zip bomb »).
package ziplimit

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
)

// MaxEntries bounds how many files an archive may hold; office documents hold a few hundred at most.
const MaxEntries = 10_000

// ErrTooLarge is returned when the archive would expand beyond the bound, by what it declares or by what it
// actually holds; ErrTooManyEntries when it holds more than MaxEntries files; ErrNotZip when it is not a
// readable archive. Callers turn them into French messages.
var (
	ErrTooLarge       = errors.New("ziplimit: the archive expands beyond the limit")
	ErrTooManyEntries = errors.New("ziplimit: the archive holds too many files")
	ErrNotZip         = errors.New("ziplimit: not a readable zip archive")
)

// Check reads data as a zip archive and makes sure its entries together decompress to at most limit
// bytes. It adds up the sizes the archive declares first, then decompresses every entry counting what
// actually comes out, since a crafted archive can declare small sizes and hold large ones. It stops as
// soon as the bound is passed, so a bomb costs at most limit bytes of decompression.
func Check(data []byte, limit int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ErrNotZip
	}
	if len(zr.File) > MaxEntries {
		return ErrTooManyEntries
	}
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if declared > uint64(limit) {
			return ErrTooLarge
		}
	}
	remaining := limit
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		n, err := inflated(f, remaining+1)
		if n > remaining {
			return ErrTooLarge
		}
		if err != nil {
			return ErrNotZip
		}
		remaining -= n
	}
	return nil
}

// inflated decompresses one entry from its raw bytes, reading at most max bytes, and returns how many came
// out. It decompresses the raw stream itself rather than through zip.File.Open, which stops at the size the
// entry declares: what matters here is what the stream really holds.
func inflated(f *zip.File, max int64) (int64, error) {
	raw, err := f.OpenRaw()
	if err != nil {
		return 0, err
	}
	var r io.Reader
	switch f.Method {
	case zip.Store:
		r = raw
	case zip.Deflate:
		fr := flate.NewReader(raw)
		defer fr.Close()
		r = fr
	default:
		return 0, ErrNotZip // office formats use only these two methods
	}
	n, err := io.Copy(io.Discard, io.LimitReader(r, max))
	if n >= max {
		return n, nil // the bound is passed: the size check says so, whatever the stream would do next
	}
	return n, err
}

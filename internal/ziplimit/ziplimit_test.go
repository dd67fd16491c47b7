package ziplimit

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// archive writes entries of the given sizes, made of zeros so they compress to almost nothing.
func archive(t *testing.T, sizes ...int) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for i, n := range sizes {
		f, err := w.Create("xl/part" + string(rune('a'+i)) + ".xml")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(make([]byte, n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCheckBoundsWhatAnArchiveExpandsTo(t *testing.T) {
	small := archive(t, 1000, 2000)
	if err := Check(small, 10_000); err != nil {
		t.Errorf("a small archive is refused: %v", err)
	}
	if err := Check(archive(t, 6000, 6000), 10_000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("declared sizes over the bound: %v", err)
	}
	bomb := archive(t, 50<<20)
	if len(bomb) > 1<<20 {
		t.Fatalf("the test bomb is %d bytes: it should be tiny", len(bomb))
	}
	if err := Check(bomb, 10<<20); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a 50 MB bomb under a 10 MB bound: %v", err)
	}
	if err := Check([]byte("PK\x03\x04 not really"), 10_000); !errors.Is(err, ErrNotZip) {
		t.Errorf("garbage: %v", err)
	}
}

// TestCheckDoesNotTrustDeclaredSizes lowers the sizes an archive declares, in its central directory, below
// what its entry really holds: the actual decompressed size still trips the bound.
func TestCheckDoesNotTrustDeclaredSizes(t *testing.T) {
	data := archive(t, 200_000)
	lied := lieAboutSizes(t, data, 100)
	zr, err := zip.NewReader(bytes.NewReader(lied), int64(len(lied)))
	if err != nil || zr.File[0].UncompressedSize64 != 100 {
		t.Fatalf("the forged archive does not declare 100 bytes: %v", err)
	}
	if err := Check(lied, 10_000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("an entry declaring 100 bytes but holding 200 000 passed a 10 000 bound: %v", err)
	}
}

// lieAboutSizes rewrites the uncompressed size of every central directory entry (signature PK\1\2, size
// at offset 24) and of the data descriptor the writer added after each entry.
func lieAboutSizes(t *testing.T, data []byte, size uint32) []byte {
	t.Helper()
	out := bytes.Clone(data)
	for i := 0; i+28 <= len(out); i++ {
		switch {
		case bytes.Equal(out[i:i+4], []byte("PK\x01\x02")):
			binary.LittleEndian.PutUint32(out[i+24:], size)
		case bytes.Equal(out[i:i+4], []byte("PK\x07\x08")):
			binary.LittleEndian.PutUint32(out[i+12:], size)
		}
	}
	return out
}

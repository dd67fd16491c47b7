package attachment

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// Dir is where versions before attachments moved into the database kept their bytes:
// root/<authority ID>/<key>. The store reads these files once, to move them in, then removes them. Keys
// were random and made by the application: no part of a path ever comes from what a user sent.
type Dir struct{ root string }

// NewDir returns the files under root.
func NewDir(root string) *Dir { return &Dir{root: root} }

// Root is the directory the files live under.
func (d *Dir) Root() string { return d.root }

// Open opens a stored file for reading.
func (d *Dir) Open(authorityID int64, key string) (*os.File, error) {
	if !validKey(key) {
		return nil, fs.ErrNotExist
	}
	return os.Open(filepath.Join(d.authorityDir(authorityID), key))
}

// Remove deletes a stored file; a file already gone is not an error.
func (d *Dir) Remove(authorityID int64, key string) error {
	if !validKey(key) {
		return nil
	}
	err := os.Remove(filepath.Join(d.authorityDir(authorityID), key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func (d *Dir) authorityDir(authorityID int64) string {
	return filepath.Join(d.root, strconv.FormatInt(authorityID, 10))
}

// keyBytes of randomness made the keys, written as hexadecimal.
const keyBytes = 16

// validKey accepts only keys shaped as the application made them, so a key read from anywhere cannot
// name another path.
func validKey(key string) bool {
	if len(key) != 2*keyBytes {
		return false
	}
	for _, c := range key {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

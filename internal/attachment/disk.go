package attachment

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Dir keeps attachments' bytes under root/<authority ID>/<key>. Keys are random and made here: no part of
// a path ever comes from what a user sent. When several instances serve one PostgreSQL database, root must
// be storage they all share (a network volume), or one instance would miss another's files.
type Dir struct{ root string }

// NewDir returns the store of files under root, created on the first write.
func NewDir(root string) *Dir { return &Dir{root: root} }

// Root is the directory the files live under.
func (d *Dir) Root() string { return d.root }

// tempPrefix marks files being written; the sweep removes old ones left by a crash.
const tempPrefix = ".tmp-"

// Write stores data under a new random key, atomically: the bytes go to a temporary file in the same
// directory, are flushed, then renamed, so a reader never sees half a file under a key.
func (d *Dir) Write(authorityID int64, data []byte) (key string, err error) {
	dir := d.authorityDir(authorityID)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", fmt.Errorf("attachment: unable to create the directory: %w", err)
	}
	key, err = newKey()
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, tempPrefix+"*")
	if err != nil {
		return "", fmt.Errorf("attachment: unable to create a file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", fmt.Errorf("attachment: unable to write: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("attachment: unable to flush: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("attachment: unable to close: %w", err)
	}
	if err = os.Rename(tmp.Name(), filepath.Join(dir, key)); err != nil {
		return "", fmt.Errorf("attachment: unable to put the file in place: %w", err)
	}
	return key, nil
}

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

// Stored is a file found on disk by Files.
type Stored struct {
	AuthorityID int64
	Key         string // the temporary file's name for a write in progress or abandoned
	Temp        bool
	ModTime     time.Time
}

// Files lists what is on disk, for the sweep of files no record refers to.
func (d *Dir) Files() ([]Stored, error) {
	dirs, err := os.ReadDir(d.root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Stored
	for _, a := range dirs {
		id, err := strconv.ParseInt(a.Name(), 10, 64)
		if err != nil || !a.IsDir() {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(d.root, a.Name()))
		if err != nil {
			return out, err
		}
		for _, e := range entries {
			temp := strings.HasPrefix(e.Name(), tempPrefix)
			if e.IsDir() || (!temp && !validKey(e.Name())) {
				continue
			}
			info, err := e.Info()
			if err != nil {
				continue
			}
			out = append(out, Stored{AuthorityID: id, Key: e.Name(), Temp: temp, ModTime: info.ModTime()})
		}
	}
	return out, nil
}

// RemoveTemp deletes an abandoned temporary file found by Files.
func (d *Dir) RemoveTemp(authorityID int64, name string) error {
	if !strings.HasPrefix(name, tempPrefix) || strings.ContainsAny(name, `/\`) {
		return nil
	}
	return os.Remove(filepath.Join(d.authorityDir(authorityID), name))
}

func (d *Dir) authorityDir(authorityID int64) string {
	return filepath.Join(d.root, strconv.FormatInt(authorityID, 10))
}

// keyBytes of randomness make keys that cannot be guessed nor collide.
const keyBytes = 16

func newKey() (string, error) {
	b := make([]byte, keyBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("attachment: no randomness: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// validKey accepts only keys this package makes, so a key read from anywhere cannot name another path.
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

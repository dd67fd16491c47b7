package tabular

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns uploaded bytes into UTF-8 text and names the encoding it found. Files without a byte order
// mark that are not valid UTF-8 are taken as Windows-1252, which is what Excel on a French Windows writes
// when saving « CSV (séparateur : point-virgule) »; every byte is defined there, so decoding cannot fail.
func decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), "UTF-8 (BOM)", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		// Excel's « Texte Unicode » export: UTF-16 with a byte order mark, tab separated.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", "", Error{Reason: "Le fichier semble être en UTF-16 mais ne peut pas être lu."}
		}
		return string(out), "UTF-16", nil
	case utf8.Valid(data):
		return string(data), "UTF-8", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", Error{Reason: "L'encodage du fichier n'a pas été reconnu : enregistrez-le en « CSV UTF-8 »."}
	}
	return string(out), "Windows-1252", nil
}

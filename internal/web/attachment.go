package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"boussole/internal/attachment"
	"boussole/internal/store"
)

// upload is a file received with a form, before its checks.
type upload struct {
	Name     string
	Data     []byte
	TooLarge bool
}

// uploadBodyLimit bounds a form with a file: a file somewhat over attachment.MaxSize is still read to the
// end so the fields after it are kept; beyond this the request is cut.
const uploadBodyLimit = 3 * attachment.MaxSize

// uploadFieldsLimit bounds the text fields of a form with a file, as parseForm does for plain forms.
const uploadFieldsLimit = 1 << 20

// errUploadCut says the request was larger than uploadBodyLimit or broken off: the fields after the file
// may be missing.
var errUploadCut = errors.New("web: upload cut short")

// errFieldsTooLarge says the text fields of a form with a file are over uploadFieldsLimit: the handler
// answers 413 (tooLarge), as for a form without a file, rather than show the form with a field cut off.
var errFieldsTooLarge = errors.New("web: text fields too large")

// parseUploadForm reads a form that may carry one file in field. Parts are streamed, so a file over the
// limit is refused without losing the other fields; a form sent without a file (URL-encoded) is read as
// usual. The returned upload is nil when no file was chosen.
func parseUploadForm(w http.ResponseWriter, r *http.Request, field string) (*form, *upload, error) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return parseForm(w, r), nil, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, uploadBodyLimit)
	values := url.Values{}
	mr, err := r.MultipartReader()
	if err != nil {
		return newForm(values), nil, errUploadCut
	}
	var up *upload
	var textBytes int64
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return newForm(values), up, nil
		}
		if err != nil {
			return newForm(values), up, errUploadCut
		}
		switch {
		case part.FileName() == "":
			b, err := io.ReadAll(io.LimitReader(part, uploadFieldsLimit-textBytes+1))
			textBytes += int64(len(b))
			if textBytes > uploadFieldsLimit {
				return newForm(values), up, errFieldsTooLarge
			}
			if err != nil {
				return newForm(values), up, errUploadCut
			}
			values.Add(part.FormName(), string(b))
		case part.FormName() == field:
			data, err := io.ReadAll(io.LimitReader(part, attachment.MaxSize+1))
			if err != nil {
				return newForm(values), up, errUploadCut
			}
			up = &upload{Name: part.FileName(), Data: data}
			if len(data) > attachment.MaxSize {
				up.Data, up.TooLarge = nil, true
				if _, err := io.Copy(io.Discard, part); err != nil {
					return newForm(values), up, errUploadCut
				}
			}
		default: // a file in a field the form does not have
			if _, err := io.Copy(io.Discard, part); err != nil {
				return newForm(values), up, errUploadCut
			}
		}
		part.Close()
	}
}

// checkUpload checks a received file with the attachment rules and records the refusal at field; it
// returns nil when there is no file or it was refused.
func checkUpload(f *form, field string, up *upload, readErr error) *attachment.Checked {
	switch {
	case readErr != nil:
		f.Fail(field, "Le formulaire n'a pas été reçu en entier, sans doute parce que le fichier dépasse 20 Mo : vérifiez les champs, puis choisissez un fichier plus léger.")
		return nil
	case up == nil:
		return nil
	case up.TooLarge:
		f.Fail(field, attachment.ErrTooLarge.Message)
		return nil
	}
	c, err := attachment.Check(up.Name, up.Data)
	var refusal attachment.Refusal
	if errors.As(err, &refusal) {
		f.Fail(field, refusal.Message)
		return nil
	}
	return &c
}

// serveAttachment sends a stored file as a download: never shown inline, with its stored type and no
// sniffing, so a file cannot run as a page of the site. Callers check first that the viewer may see the
// record the file belongs to.
func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request, authorityID, id int64) {
	a, f, err := s.store.OpenAttachment(r.Context(), authorityID, id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	disposition := mime.FormatMediaType("attachment", map[string]string{"filename": a.FileName})
	if disposition == "" {
		disposition = "attachment"
	}
	h := w.Header()
	h.Set("Content-Type", a.MediaType)
	h.Set("Content-Disposition", disposition)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", strconv.Quote(a.SHA256))
	http.ServeContent(w, r, "", a.CreatedAt, f)
}

// attachmentSize writes a file size the French way, for the page that names a document.
func attachmentSize(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " octets"
	case n < 1<<20:
		return strconv.FormatInt((n+512)/1024, 10) + " Ko"
	}
	tenths := (n*10 + 1<<19) >> 20
	return strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10) + " Mo"
}

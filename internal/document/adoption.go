package document

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"boussole/internal/partialdate"
)

// Vote is the council's vote that adopts a strategy, as the adoption form records it. For a strategy
// adopted before the authority used the tool, the month (or the year) is enough.
type Vote struct {
	On     partialdate.Date
	Body   string // one of Bodies
	Number string // the deliberation's number, « 2027-03-015 »
	Result string // « adoptée à l'unanimité », « 38 pour, 4 contre, 2 abstentions »
}

// Limits of the vote's texts, in characters.
const (
	MaxNumber = 50
	MaxResult = 300
)

// FieldError is a French message for one field of the adoption form.
type FieldError struct{ Field, Message string }

// Validate checks a vote at the date it is recorded and returns a message per field at fault: the date is
// required and not in the future, the body is one the list offers.
func (v Vote) Validate(today time.Time) []FieldError {
	var errs []FieldError
	switch {
	case v.On.IsZero():
		errs = append(errs, FieldError{"date", "Saisissez la date de la délibération : le jour, ou au moins le mois (« mars 2027 »)."})
	case v.On.First().After(today):
		errs = append(errs, FieldError{"date", "La date de la délibération ne peut pas être à venir : enregistrez le vote une fois qu'il a eu lieu."})
	}
	if !slices.Contains(Bodies(), v.Body) {
		errs = append(errs, FieldError{"body", "Choisissez l'assemblée qui a voté dans la liste."})
	}
	if utf8.RuneCountInString(v.Number) > MaxNumber {
		errs = append(errs, FieldError{"number", "Le numéro de délibération ne doit pas dépasser 50 caractères."})
	}
	if strings.TrimSpace(v.Result) == "" {
		errs = append(errs, FieldError{"result", "Indiquez le résultat du vote, par exemple « adoptée à l'unanimité »."})
	} else if utf8.RuneCountInString(v.Result) > MaxResult {
		errs = append(errs, FieldError{"result", "Le résultat du vote ne doit pas dépasser 300 caractères."})
	}
	return errs
}

// Adopted is a frozen version of the strategy document: the vote, the document as it was adopted (Snapshot,
// which Encode wrote) and the files made from it, with the content hash printed on them. Nothing changes it
// once recorded; later edits of the strategy make new documents, never a new Adopted.
type Adopted struct {
	ID          int64
	AuthorityID int64
	StrategyID  int64
	Vote        Vote
	Hash        string // Hash of the snapshot, hexadecimal
	Snapshot    []byte
	ODT         []byte
	PDF         []byte
	RecordedAt  time.Time
	RecordedBy  string // who recorded it, as the journal names them
}

// Adoption returns what the document's cover says of this vote.
func (a Adopted) Adoption() *Adoption {
	return &Adoption{Date: a.Vote.On.Prefixed(), Body: a.Vote.Body, Number: a.Vote.Number, Result: a.Vote.Result, Hash: a.Hash}
}

// Settings is what the user chose for a strategy's document, saved from the documents page.
type Settings struct {
	AuthorityID int64
	StrategyID  int64
	Choice      Choice
	UpdatedAt   time.Time
	Version     int64 // 0 until first saved
}

// MaxFreeText bounds the free text of one section, in characters.
const MaxFreeText = 20000

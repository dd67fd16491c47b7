package schedule

import (
	"fmt"
	"strconv"
	"strings"
)

// Shift is how far one activity moved between two computed schedules, in days (positive: later).
type Shift struct {
	ID, Name   string
	StartDays  int
	FinishDays int
}

// Diff lists the activities present in both results whose start or finish changed, in after's order.
func Diff(before, after *Result) []Shift {
	var shifts []Shift
	for _, t := range after.Timings {
		b, ok := before.Timing(t.ID)
		if !ok {
			continue
		}
		s := Shift{ID: t.ID, Name: t.Name, StartDays: t.Start.Sub(b.Start), FinishDays: t.Finish.Sub(b.Finish)}
		if s.StartDays != 0 || s.FinishDays != 0 {
			shifts = append(shifts, s)
		}
	}
	return shifts
}

// maxListed bounds how many names a summary spells out, so moving the first of 300 activities stays readable.
const maxListed = 10

// SummarizeShifts says in French what moved: « 3 activités ont été décalées : A (5 jours plus tard), … ».
func SummarizeShifts(shifts []Shift) string {
	if len(shifts) == 0 {
		return "Aucune activité n'a été décalée."
	}
	lead := "1 activité a été décalée : "
	if len(shifts) > 1 {
		lead = strconv.Itoa(len(shifts)) + " activités ont été décalées : "
	}
	parts := make([]string, 0, maxListed+1)
	for _, s := range shifts[:min(len(shifts), maxListed)] {
		parts = append(parts, fmt.Sprintf("%s (%s)", s.Name, s.describe()))
	}
	if rest := len(shifts) - maxListed; rest > 0 {
		parts = append(parts, fmt.Sprintf("et %d autres", rest))
	}
	return lead + strings.Join(parts, ", ") + "."
}

func (s Shift) describe() string {
	if s.StartDays == 0 {
		return "fin " + moved(s.FinishDays)
	}
	return moved(s.StartDays)
}

// moved says « 5 jours plus tard » or « 1 jour plus tôt ».
func moved(days int) string {
	dir := " plus tard"
	if days < 0 {
		dir, days = " plus tôt", -days
	}
	unit := " jours"
	if days == 1 {
		unit = " jour"
	}
	return strconv.Itoa(days) + unit + dir
}

// Package ical writes iCalendar (RFC 5545) feeds of all-day events, so officers and citizens can subscribe to a
// strategy's activities and milestones from their agenda.
package ical

import (
	"bytes"
	"io"
	"time"
)

// Calendar is one feed.
type Calendar struct {
	Name   string // shown by agendas as the calendar's name (X-WR-CALNAME and NAME)
	ProdID string // product identifier; a Boussole default when empty
	// Stamp is the DTSTAMP of every event: pass the time the data last changed, not the request time, so an
	// unchanged feed stays byte for byte the same. The zero time means now.
	Stamp  time.Time
	Events []Event
}

// Event is one all-day event.
type Event struct {
	UID string // stable across exports, such as "activite-42@strategie-7.boussole"
	// Start and End are calendar dates (the time of day and the location are ignored); End is exclusive as in
	// RFC 5545, and a zero End or one not after Start makes a one-day event.
	Start, End  time.Time
	Summary     string
	Description string
	URL         string
	Categories  []string
}

const defaultProdID = "-//Boussole//Chronogramme//FR"

// Marshal returns the feed with CRLF line ends and lines folded at 75 octets.
func Marshal(c Calendar) []byte {
	var b bytes.Buffer
	c.write(&b)
	return b.Bytes()
}

// WriteTo writes the feed to w.
func (c Calendar) WriteTo(w io.Writer) (int64, error) {
	return bytes.NewReader(Marshal(c)).WriteTo(w)
}

func (c Calendar) write(b *bytes.Buffer) {
	prodID := c.ProdID
	if prodID == "" {
		prodID = defaultProdID
	}
	stamp := c.Stamp
	if stamp.IsZero() {
		stamp = time.Now()
	}
	stampText := stamp.UTC().Format("20060102T150405Z")
	line(b, "BEGIN:VCALENDAR")
	line(b, "VERSION:2.0")
	line(b, "PRODID:"+escapeText(prodID))
	line(b, "CALSCALE:GREGORIAN")
	line(b, "METHOD:PUBLISH")
	if c.Name != "" {
		line(b, "NAME:"+escapeText(c.Name))
		line(b, "X-WR-CALNAME:"+escapeText(c.Name))
	}
	for _, e := range c.Events {
		e.write(b, stampText)
	}
	line(b, "END:VCALENDAR")
}

func (e Event) write(b *bytes.Buffer, stamp string) {
	start := civil(e.Start)
	end := civil(e.End)
	if !end.After(start) {
		end = start.AddDate(0, 0, 1)
	}
	line(b, "BEGIN:VEVENT")
	line(b, "UID:"+escapeText(e.UID))
	line(b, "DTSTAMP:"+stamp)
	line(b, "DTSTART;VALUE=DATE:"+start.Format("20060102"))
	line(b, "DTEND;VALUE=DATE:"+end.Format("20060102"))
	line(b, "SUMMARY:"+escapeText(e.Summary))
	if e.Description != "" {
		line(b, "DESCRIPTION:"+escapeText(e.Description))
	}
	if e.URL != "" {
		line(b, "URL:"+stripControls(e.URL))
	}
	if len(e.Categories) > 0 {
		line(b, "CATEGORIES:"+escapeList(e.Categories))
	}
	line(b, "TRANSP:TRANSPARENT") // a scheduled activity should not mark the officer as busy all day
	line(b, "END:VEVENT")
}

// civil keeps the calendar date of t as seen in its own location.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

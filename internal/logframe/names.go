package logframe

// name designates an element in a message: article, noun, number and title, e.g.
// « l'objectif spécifique 2 « Mobiliser les jeunes » ». Sentences starting with it use capFirst.
func (ix *index) name(r Ref) string {
	base := article(r.Kind) + r.Kind.Noun()
	if n := ix.numbers.Of(r); n != "" {
		base += " " + n
	}
	if t := ix.title(r); t != "" {
		base += " " + quote(t)
	}
	if r.Kind == KindIndicator {
		if in := ix.indicator(r.ID); in != nil && !in.Level.IsZero() {
			base += " (" + in.Level.Kind.Noun()
			if n := ix.numbers.Of(in.Level); n != "" {
				base += " " + n
			}
			base += ")"
		}
	}
	return base
}

// title returns the text that identifies an element to a reader.
func (ix *index) title(r Ref) string {
	s := ix.s
	switch r.Kind {
	case KindGeneralObjective:
		if g := s.Key.General; g != nil {
			return g.Title
		}
	case KindSpecificObjective:
		if o := ix.objByID[r.ID]; o != nil {
			return o.Title
		}
	case KindResult:
		if x := ix.resByID[r.ID]; x != nil {
			return x.Title
		}
	case KindActivity:
		if a := ix.actByID[r.ID]; a != nil {
			return a.Title
		}
	case KindIndicator:
		if in := ix.indicator(r.ID); in != nil {
			return in.Title
		}
	case KindRisk:
		for _, k := range s.Risks {
			if k.ID == r.ID {
				return k.Description
			}
		}
	case KindSWOT:
		for _, w := range s.SWOT {
			if w.ID == r.ID {
				return w.Title
			}
		}
	case KindGeoPriority:
		for _, g := range s.Geo {
			if g.ID == r.ID {
				return g.Name
			}
		}
	case KindValue:
		for _, v := range s.Key.Values {
			if v.ID == r.ID {
				return v.Name
			}
		}
	}
	return ""
}

func (ix *index) indicator(id int64) *Indicator { return ix.indByID[id] }

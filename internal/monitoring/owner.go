package monitoring

// Owner is who keeps an indicator up to date, and the indicator's weight in its level's roll-up.
type Owner struct {
	IndicatorID int64
	AuthorityID int64
	UserID      int64 // 0 when nobody is named
	Weight      int   // 0 when unset: the roll-up counts the indicator once
	Version     int64 // 0 until first saved
}

// MaxWeight bounds the weight of an indicator.
const MaxWeight = 100

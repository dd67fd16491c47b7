package number

// Float64 returns the value as the nearest float64, for computations whose result is a ratio (a progress, a
// position on a chart) rather than a value stored or shown as typed.
func (d Decimal) Float64() float64 { return float64(d.mant) / float64(pow10[d.scale]) }

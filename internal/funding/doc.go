// Package funding holds the resources side of a strategy: the catalogue of funding programmes with their
// rules as data (each rule with its source, unknown rules left unknown), projects with their financing plan,
// and the checks of a plan against those rules, with every finding in French. It knows neither HTTP nor SQL.
//
// Amounts are integer euro cents, as internal/number reads them; rates are whole percents.
package funding

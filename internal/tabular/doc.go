// Package tabular reads spreadsheet uploads (CSV in UTF-8 or Windows-1252, XLSX) into rows with their line
// numbers and a header mapped by folded column name, and writes CSV and XLSX exports that French Excel opens
// as they are. Every error is a French sentence with the line at fault.
package tabular

package ui

// ColumnOrder is the registry's column ids, for the tests outside the package.
func ColumnOrder() []string { return columnOrder }

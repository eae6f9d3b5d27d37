package common

// GoToTickerMsg closes the view that sends it and selects the ticker Key
// (a Code.Key()) on the list: the reports view's and the scorecard's
// enter on a call.
type GoToTickerMsg struct{ Key string }

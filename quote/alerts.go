package quote

import "zixuan/sectors"

// ForAlerts is the quote as alerts judge it (sectors.IsTrade decides
// whether it is a trade at all).
func (q Quote) ForAlerts() sectors.AlertQuote {
	return sectors.AlertQuote{Last: q.Last, PrevClose: q.PrevClose, ChangePct: q.ChangePct, High: q.High, Time: q.Time,
		PreOpen: q.PreOpen, Suspended: q.Suspended, Halt: q.Halt, ChangeUnknown: q.ChangeUnknown}
}

// Package tradedlg is the trade dialog: a buy or a sell of one stock, its
// date (today by the UI's clock unless changed), price (the last quote
// when there is one), shares and fee, checked by the rules the command
// line checks (service.NewTrade) before it closes. What only the stored
// trades can tell (a sell of more than is held, T+1, a sell's lots) the
// store refuses at the write; the root opens the dialog again with that
// line (WithErr).
//
// It talks to the root by SubmitMsg; it imports ui/common, the service
// and the domain, never the root ui package.
package tradedlg

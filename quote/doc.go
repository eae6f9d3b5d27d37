// Package quote fetches prices for A-shares from the public quote servers:
// live quotes for the list, the alerts and the positions, today's minute
// line (分时), and the daily k-line history (unadjusted bars with the
// distributions they carry, such as 10转4股派2元) that returns, the
// scorecard and the charts are measured on. It plans the requests for the days missing (PlanDaily), reads each
// vendor's format as the exchanges mean it (volume units, halts, the call
// auction, bounds) and knows the trading hours.
//
// Quotes are an addition, never a dependency: every call is bounded by a
// context, fails with an error a status line can show in a few words
// (Status), and leaves the caller's data alone. Providers speak the
// vendors' public web endpoints: Tencent (qt.gtimg.cn, the default) and
// Sina (hq.sinajs.cn, a fallback). Both answer in GBK.
//
// It imports the domain (sectors, sectors/market) and nothing that stores
// or shows: what it fetches, its caller keeps.
package quote

package store

import (
	"time"
)

// tickerRecord is what the info key holds.
type tickerRecord struct {
	Exchange     string    `json:"exchange"`
	Code         string    `json:"code"`
	ReportName   string    `json:"report_name,omitempty"`
	CustomName   string    `json:"custom_name,omitempty"`
	Sector       string    `json:"sector"`
	Rating       string    `json:"rating"`
	RatingAt     time.Time `json:"rating_at"`
	RatingSource string    `json:"rating_source"`
	Added        time.Time `json:"added"`
	Removed      time.Time `json:"removed,omitzero"`
	Updated      time.Time `json:"updated"`
	AddedBy      string    `json:"added_by,omitempty"` // schema 2: the source that put it on the list
}

// ratingRecord is what a ratings/<seq> key holds.
type ratingRecord struct {
	From   string    `json:"from"`
	To     string    `json:"to"`
	At     time.Time `json:"at"`
	Source string    `json:"source"`
	Reason string    `json:"reason,omitempty"`
}

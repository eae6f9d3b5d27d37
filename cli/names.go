package cli

import "zixuan/sectors"

// sectorNames is a sector's names for the sector commands: "Steel / 钢铁",
// or the one name when it has one (or both are the same).
func sectorNames(s sectors.Sector) string { return joinNames(s.Name, s.NameZH) }

// sectorTitle is the id followed by the names in parentheses when they
// say more than the id: "steel (Steel / 钢铁)", but just "白酒".
func sectorTitle(s sectors.Sector) string {
	names := sectorNames(s)
	if names == "" || names == s.ID {
		return s.ID
	}
	return s.ID + " (" + names + ")"
}

func joinNames(name, zh string) string {
	switch {
	case name == "" || name == zh:
		return zh
	case zh == "":
		return name
	}
	return name + " / " + zh
}

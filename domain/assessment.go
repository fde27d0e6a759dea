package domain

import "io"

// NeedLevel is how serious a need is in one area (livello di bisogno).
type NeedLevel string

// The need levels of the preliminary analysis.
const (
	NeedNone     NeedLevel = "NONE"     // Nessuno
	NeedLow      NeedLevel = "LOW"      // Lieve
	NeedModerate NeedLevel = "MODERATE" // Moderato
	NeedSevere   NeedLevel = "SEVERE"   // Grave
)

// NeedLevels lists every need level, mildest first.
var NeedLevels = []NeedLevel{NeedNone, NeedLow, NeedModerate, NeedSevere}

// MarshalGQL implements graphql.Marshaler.
func (l NeedLevel) MarshalGQL(w io.Writer) { MarshalEnum(w, l) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (l *NeedLevel) UnmarshalGQL(v any) (err error) {
	*l, err = UnmarshalEnum(v, NeedLevels, "NeedLevel")
	return err
}

// AreaFinding is what an assessment found in one need area: how serious
// the need is and what resources the person and their network bring
// (analisi dei bisogni e delle risorse per area).
type AreaFinding struct {
	Area      NeedArea  `json:"area"`
	Need      NeedLevel `json:"need"`
	Resources string    `json:"resources,omitempty"`
	Notes     string    `json:"notes,omitempty"`
}

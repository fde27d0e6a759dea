package domain

import "io"

// NeedArea is an area of need of a person (area di bisogno).
type NeedArea string

// The need areas of the assessment.
const (
	NeedEmployment      NeedArea = "EMPLOYMENT"       // Lavoro
	NeedIncome          NeedArea = "INCOME"           // Reddito
	NeedHousing         NeedArea = "HOUSING"          // Casa
	NeedHealth          NeedArea = "HEALTH"           // Salute
	NeedFamily          NeedArea = "FAMILY"           // Famiglia
	NeedEducation       NeedArea = "EDUCATION"        // Istruzione e formazione
	NeedDebt            NeedArea = "DEBT"             // Debiti
	NeedLegal           NeedArea = "LEGAL"            // Questioni legali
	NeedSocialIsolation NeedArea = "SOCIAL_ISOLATION" // Isolamento sociale
)

// NeedAreas lists every need area, in the order forms show them.
var NeedAreas = []NeedArea{
	NeedEmployment, NeedIncome, NeedHousing, NeedHealth, NeedFamily,
	NeedEducation, NeedDebt, NeedLegal, NeedSocialIsolation,
}

// NeedAreaLabels gives the Italian label of each need area.
var NeedAreaLabels = map[NeedArea]string{
	NeedEmployment:      "Lavoro",
	NeedIncome:          "Reddito",
	NeedHousing:         "Casa",
	NeedHealth:          "Salute",
	NeedFamily:          "Famiglia",
	NeedEducation:       "Istruzione e formazione",
	NeedDebt:            "Debiti",
	NeedLegal:           "Questioni legali",
	NeedSocialIsolation: "Isolamento sociale",
}

// Values implements ent's EnumValues, so ent checks stored values.
func (NeedArea) Values() []string { return StringsOf(NeedAreas) }

// MarshalGQL implements graphql.Marshaler.
func (a NeedArea) MarshalGQL(w io.Writer) { MarshalEnum(w, a) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (a *NeedArea) UnmarshalGQL(v any) (err error) {
	*a, err = UnmarshalEnum(v, NeedAreas, "NeedArea")
	return err
}

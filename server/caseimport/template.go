package caseimport

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/progetto-win/win/domain"
)

// The columns of the file, by their Italian header: the one place that
// names them (docs/import.md describes each). A file may head them in
// Italian or in English, in any order; the template gives them in this
// order.
const (
	ColRowKey               = "codice_riga"          // the row's key, unique in the file: the case's import key is <TABLE CODE>/<codice_riga>
	ColTable                = "tavolo"               // the table, by code (EMP) or name
	ColTaxCode              = "codice_fiscale"       // the person's tax code, checked
	ColLastName             = "cognome"              // surname
	ColFirstName            = "nome"                 // first name
	ColBirthDate            = "data_nascita"         // birth date
	ColGender               = "sesso"                // gender
	ColCitizenship          = "cittadinanza"         // area of citizenship
	ColMunicipality         = "comune_residenza"     // municipality of residence, by name or ISTAT code
	ColReferrer             = "ente_segnalante"      // the referring organisation, by name
	ColReferredOn           = "data_segnalazione"    // the day of the referral
	ColReason               = "motivo"               // why the person was referred
	ColNeedAreas            = "aree_bisogno"         // areas of need, separated by | or ,
	ColChannel              = "canale_invio"         // where the referral came from
	ColStatus               = "stato"                // REFERRED (default), IN_CHARGE or CLOSED
	ColTakenInChargeOn      = "data_presa_in_carico" // for IN_CHARGE and CLOSED
	ColClosedOn             = "data_chiusura"        // for CLOSED
	ColClosureReason        = "motivo_chiusura"      // for CLOSED
	ColInterventionKind     = "intervento_tipo"      // an intervention's kind
	ColInterventionProvider = "intervento_ente"      // its provider, by name
	ColInterventionStart    = "intervento_inizio"    // its first day
	ColInterventionEnd      = "intervento_fine"      // its last day
	ColInterventionStatus   = "intervento_stato"     // its status
	ColOutcomeKind          = "esito_tipo"           // an outcome's kind
	ColOutcomeOn            = "esito_data"           // the day it was achieved
)

// Column is one column of the file.
type Column struct {
	Name     string // the Italian header, one of the Col constants
	English  string // the English header, which a file may use instead
	Required bool   // the header must be in the file (its value may still be optional: see docs/import.md)
}

// Columns lists the file's columns in the template's order.
var Columns = []Column{
	{ColRowKey, "row_key", true},
	{ColTable, "table", true},
	{ColTaxCode, "tax_code", false},
	{ColLastName, "last_name", false},
	{ColFirstName, "first_name", false},
	{ColBirthDate, "birth_date", false},
	{ColGender, "gender", false},
	{ColCitizenship, "citizenship", false},
	{ColMunicipality, "municipality", false},
	{ColReferrer, "referring_organisation", true},
	{ColReferredOn, "referred_on", true},
	{ColReason, "reason", true},
	{ColNeedAreas, "need_areas", true},
	{ColChannel, "referral_channel", false},
	{ColStatus, "status", false},
	{ColTakenInChargeOn, "taken_in_charge_on", false},
	{ColClosedOn, "closed_on", false},
	{ColClosureReason, "closure_reason", false},
	{ColInterventionKind, "intervention_kind", false},
	{ColInterventionProvider, "intervention_provider", false},
	{ColInterventionStart, "intervention_start", false},
	{ColInterventionEnd, "intervention_end", false},
	{ColInterventionStatus, "intervention_status", false},
	{ColOutcomeKind, "outcome_kind", false},
	{ColOutcomeOn, "outcome_on", false},
}

// columnOf finds a column by its header in either language, ignoring
// case and the spaces around it.
func columnOf(header string) (Column, bool) {
	h := strings.ToLower(strings.TrimSpace(header))
	for _, c := range Columns {
		if h == c.Name || h == c.English {
			return c, true
		}
	}
	return Column{}, false
}

// byteOrderMark starts the files WIN writes, so that spreadsheets read
// them as UTF-8.
const byteOrderMark = "\uFEFF"

// WriteTemplate writes the template: UTF-8 with a byte order mark,
// semicolons, the headers in Italian (lang "it") or English ("en"), and
// no row.
func WriteTemplate(w io.Writer, lang string) error {
	if _, err := io.WriteString(w, byteOrderMark); err != nil {
		return err
	}
	out := csv.NewWriter(w)
	out.Comma = ';'
	header := make([]string, len(Columns))
	for i, c := range Columns {
		header[i] = c.Name
		if lang == "en" {
			header[i] = c.English
		}
	}
	_ = out.Write(header)
	out.Flush()
	return out.Error()
}

// label is how an enumeration's value is written in the web app, in
// Italian and in English (frontend/src/i18n/{it,en}/enums.json, checked
// by the tests).
type label struct{ it, en string }

// The values the enumerated columns take, by their GraphQL code, with
// the web app's labels. A cell may give the code or either label, in
// any case, with or without accents.
var (
	genderLabels = map[string]label{
		"FEMALE": {"Femminile", "Female"}, "MALE": {"Maschile", "Male"},
		"NON_BINARY": {"Non binario", "Non binary"}, "NOT_STATED": {"Non dichiarato", "Not stated"},
	}
	// genderAbbreviations are what a register often holds instead.
	genderAbbreviations = map[string]string{"f": "FEMALE", "m": "MALE", "femmina": "FEMALE", "maschio": "MALE"}

	citizenshipLabels = map[string]label{
		"ITALY": {"Italia", "Italy"}, "EUROPEAN_UNION": {"Unione europea", "European union"},
		"OTHER_EUROPE": {"Altri paesi europei", "Other europe"}, "AFRICA": {"Africa", "Africa"},
		"ASIA": {"Asia", "Asia"}, "AMERICAS": {"Americhe", "Americas"}, "OCEANIA": {"Oceania", "Oceania"},
		"STATELESS": {"Apolide", "Stateless"},
	}

	needAreaLabels = map[string]label{
		"EMPLOYMENT": {"Lavoro", "Employment"}, "INCOME": {"Reddito", "Income"}, "HOUSING": {"Casa", "Housing"},
		"HEALTH": {"Salute", "Health"}, "FAMILY": {"Famiglia", "Family"},
		"EDUCATION": {"Istruzione e formazione", "Education"}, "DEBT": {"Debiti", "Debt"},
		"LEGAL": {"Questioni legali", "Legal"}, "SOCIAL_ISOLATION": {"Isolamento sociale", "Social isolation"},
	}

	channelLabels = map[string]label{
		"SOCIAL_SERVICES":   {"Servizi sociali", "Social services"},
		"EMPLOYMENT_CENTRE": {"Centro per l'impiego", "Employment centre"},
		"EMPLOYMENT_DESK":   {"Sportello lavoro", "Employment desk"},
		"COUNSELLING_DESK":  {"Centro d'ascolto", "Counselling desk"},
		"HEALTH_SERVICES":   {"Servizi socio-sanitari", "Health and social services"},
		"TRADE_UNION":       {"Sindacato", "Trade union"},
		"THIRD_SECTOR":      {"Terzo settore", "Third sector"},
		"SELF_REFERRAL":     {"Accesso spontaneo", "Self-referral"},
		"OTHER":             {"Altro", "Other"},
	}

	// statusLabels are the statuses of every case; importable says which
	// an import creates.
	statusLabels = map[string]label{
		"REFERRED": {"Segnalato", "Referred"}, "UNDER_ASSESSMENT": {"In valutazione", "Under assessment"},
		"IN_CHARGE": {"In carico", "In charge"}, "MONITORING": {"In monitoraggio", "Monitoring"},
		"CLOSED": {"Chiuso", "Closed"}, "DECLINED": {"Respinto", "Declined"},
	}

	closureReasonLabels = map[string]label{
		"GOALS_MET": {"Obiettivi raggiunti", "Goals met"}, "PARTIALLY_MET": {"Obiettivi parzialmente raggiunti", "Partially met"},
		"DROPPED_OUT": {"Abbandono", "Dropped out"}, "MOVED_AWAY": {"Trasferimento di residenza", "Moved away"},
		"TRANSFERRED": {"Trasferito ad altro tavolo", "Transferred"}, "DECEASED": {"Decesso", "Deceased"},
		"OTHER": {"Altro", "Other"},
	}

	interventionKindLabels = map[string]label{
		"ORIENTATION": {"Orientamento", "Orientation"}, "TRAINING": {"Formazione", "Training"},
		"INTERNSHIP": {"Tirocinio", "Internship"}, "JOB_PLACEMENT": {"Inserimento lavorativo", "Job placement"},
		"BUSINESS_START_SUPPORT":      {"Sostegno all'autoimpiego", "Business start support"},
		"RETURN_TO_EDUCATION":         {"Rientro in istruzione", "Return to education"},
		"WORK_BASED_TRAINING":         {"Formazione-lavoro", "Work-based training"},
		"SOCIAL_CARE_PLACEMENT":       {"Inserimento socio-assistenziale", "Social care placement"},
		"YOUTH_GUARANTEE_TRAINEESHIP": {"Tirocinio Garanzia Giovani", "Youth Guarantee traineeship"},
		"HEALTH_WORK_PATHWAY":         {"Percorso salute-lavoro", "Health and work pathway"},
		"HOUSING_SUPPORT":             {"Sostegno abitativo", "Housing support"},
		"INCOME_SUPPORT":              {"Sostegno al reddito", "Income support"},
		"PSYCHOSOCIAL_SUPPORT":        {"Supporto psico-sociale", "Psychosocial support"},
		"DEBT_COUNSELLING":            {"Consulenza sul sovraindebitamento", "Debt counselling"},
		"OTHER":                       {"Altro", "Other"},
	}

	interventionStatusLabels = map[string]label{
		"PLANNED": {"Programmato", "Planned"}, "ONGOING": {"In corso", "Ongoing"},
		"COMPLETED": {"Concluso", "Completed"}, "INTERRUPTED": {"Interrotto", "Interrupted"},
	}

	outcomeKindLabels = map[string]label{
		"EMPLOYMENT_PERMANENT":   {"Lavoro a tempo indeterminato", "Permanent employment"},
		"EMPLOYMENT_FIXED_TERM":  {"Lavoro a tempo determinato", "Fixed-term employment"},
		"APPRENTICESHIP":         {"Apprendistato", "Apprenticeship"},
		"SELF_EMPLOYMENT":        {"Lavoro autonomo", "Self-employment"},
		"INTERNSHIP_COMPLETED":   {"Tirocinio concluso", "Internship completed"},
		"TRAINING_COMPLETED":     {"Formazione conclusa", "Training completed"},
		"QUALIFICATION_OBTAINED": {"Qualifica conseguita", "Qualification obtained"},
		"HOUSING_SECURED":        {"Soluzione abitativa trovata", "Housing secured"},
		"INCOME_STABILISED":      {"Reddito stabilizzato", "Income stabilised"},
		"HEALTH_PATHWAY_STARTED": {"Percorso sanitario avviato", "Health pathway started"},
		"SOCIAL_REINTEGRATION":   {"Reinserimento sociale", "Social reintegration"},
		"COMMUNITY_ENGAGEMENT":   {"Impegno nella comunità", "Community engagement"},
		"DROPPED_OUT":            {"Abbandono", "Dropped out"},
		"OTHER":                  {"Altro", "Other"},
	}
)

// enum reads the values of one enumerated column.
type enum struct {
	labels map[string]label
	values map[string]string // folded code or label → code
}

// newEnum indexes an enumeration's codes and labels, folded, and extra
// spellings.
func newEnum(labels map[string]label, extra map[string]string) *enum {
	e := &enum{labels: labels, values: map[string]string{}}
	for code, l := range labels {
		e.values[fold(code)] = code
		e.values[fold(l.it)] = code
		e.values[fold(l.en)] = code
	}
	for spelling, code := range extra {
		e.values[fold(spelling)] = code
	}
	return e
}

// read returns the code a cell names, or false.
func (e *enum) read(cell string) (string, bool) {
	code, ok := e.values[fold(cell)]
	return code, ok
}

// italian lists the Italian labels, for a message: "Lavoro, Reddito…".
func (e *enum) italian(order []string) string {
	out := make([]string, len(order))
	for i, code := range order {
		out[i] = e.labels[code].it
	}
	return strings.Join(out, ", ")
}

var (
	genders              = newEnum(genderLabels, genderAbbreviations)
	citizenships         = newEnum(citizenshipLabels, nil)
	needAreas            = newEnum(needAreaLabels, nil)
	statuses             = newEnum(statusLabels, nil)
	closureReasons       = newEnum(closureReasonLabels, nil)
	channels             = newEnum(channelLabels, nil)
	interventionKinds    = newEnum(interventionKindLabels, nil)
	interventionStatuses = newEnum(interventionStatusLabels, nil)
	outcomeKinds         = newEnum(outcomeKindLabels, nil)
)

// needAreaOrder is the order forms show the need areas in.
var needAreaOrder = domain.StringsOf(domain.NeedAreas)

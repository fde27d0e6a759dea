package demo

// place is one of the eleven municipalities of the Circondario Empolese
// Valdelsa, with its ISTAT code, approximate population, postal code, the
// code of its table and its cadastral code (codice catastale, used in tax
// codes of people born there).
type place struct {
	Name, Istat   string
	Population    int
	PostalCode    string
	TableCode     string
	CadastralCode string
}

var places = []place{
	{"Capraia e Limite", "048008", 7800, "50050", "CAP", "B684"},
	{"Castelfiorentino", "048010", 17400, "50051", "CFI", "C101"},
	{"Cerreto Guidi", "048011", 11000, "50050", "CGU", "C529"},
	{"Certaldo", "048012", 15700, "50052", "CER", "C540"},
	{"Empoli", "048014", 49000, "50053", "EMP", "D403"},
	{"Fucecchio", "048019", 22900, "50054", "FUC", "D815"},
	{"Gambassi Terme", "048020", 4800, "50050", "GAM", "D895"},
	{"Montaione", "048027", 3600, "50050", "MON", "F398"},
	{"Montelupo Fiorentino", "048028", 14600, "50056", "MLF", "F551"},
	{"Montespertoli", "048030", 13300, "50025", "MSP", "F648"},
	{"Vinci", "048050", 14500, "50059", "VIN", "M059"},
}

// birthplaces outside the Circondario: Italian cities and foreign states
// (whose codes start with Z), by citizenship area.
var (
	italianBirthplaces = []string{"D612", "G702", "F205", "H501", "F839", "L219", "A944", "G273"}
	foreignBirthplaces = map[string][]string{
		"EUROPEAN_UNION": {"Z129", "Z127", "Z115"}, // Romania, Poland, Bulgaria
		"OTHER_EUROPE":   {"Z100", "Z138", "Z118"}, // Albania, Ukraine, Serbia
		"AFRICA":         {"Z330", "Z343", "Z335"}, // Morocco, Senegal, Nigeria
		"ASIA":           {"Z210", "Z222", "Z249"}, // China, Pakistan, Bangladesh
		"AMERICAS":       {"Z611", "Z602", "Z605"}, // Peru, Brazil, Ecuador
		"OCEANIA":        {"Z700"},                 // Australia
		"STATELESS":      {"Z999"},
	}
)

var streets = []string{
	"Via Roma", "Via Garibaldi", "Via Mazzini", "Via Cavour", "Piazza della Vittoria", "Via dei Neri",
	"Via Leonardo da Vinci", "Via Giuseppe Verdi", "Via della Repubblica", "Viale IV Novembre",
	"Via Fratelli Rosselli", "Via San Martino", "Via del Pozzo", "Via Carraia", "Via Tosco Romagnola",
}

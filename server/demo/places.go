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

// birthplace is where a person was born: a municipality, or a foreign
// state for those born abroad, with its cadastral code, which the tax
// code carries.
type birthplace struct{ name, code string }

var (
	// italianCities are birthplaces in Italy outside the Circondario:
	// the rest of Tuscany, and the cities many families moved from.
	italianCities = []birthplace{
		{"Firenze", "D612"}, {"Prato", "G999"}, {"Pisa", "G702"}, {"Livorno", "E625"}, {"Lucca", "E715"},
		{"Pistoia", "G713"}, {"Siena", "I726"}, {"Roma", "H501"}, {"Napoli", "F839"}, {"Palermo", "G273"},
		{"Bari", "A662"}, {"Catania", "C351"}, {"Reggio di Calabria", "H224"}, {"Milano", "F205"}, {"Torino", "L219"},
	}
	// emigration are the states where Italian citizens born abroad were
	// born, to families who emigrated and came back.
	emigration = []birthplace{{"Svizzera", "Z133"}, {"Germania", "Z112"}, {"Belgio", "Z103"}, {"Francia", "Z110"}, {"Argentina", "Z600"}}
	// statelessBirthplaces: stateless persons were born in the former
	// Yugoslavia (as stateless's names say), some in Italy.
	statelessBirthplaces = []birthplace{{"Bosnia-Erzegovina", "Z153"}, {"Serbia", "Z158"}}
)

// streets are plausible streets of each municipality, for the addresses
// of persons and organisations: the demo's addresses are fictional (no
// house number is real), but a resident of Certaldo lives in a street
// of Certaldo.
var streets = map[string][]string{
	"Capraia e Limite": {"Via Castra", "Via Fratelli Cervi", "Via Giuseppe Verdi", "Via Limitese", "Piazza IV Novembre",
		"Via della Chiesa", "Via Antonio Gramsci", "Via Piave", "Via del Porto"},
	"Castelfiorentino": {"Via Tilli", "Piazza Gramsci", "Via Ridolfi", "Viale Roosevelt", "Via Alessandro Volta",
		"Viale Duca d'Aosta", "Via Profeti", "Via Masini", "Via di Cambiano", "Corso Matteotti"},
	"Cerreto Guidi": {"Via Vittorio Veneto", "Via Provinciale Francesca", "Via Roma", "Via di Stabbia", "Via di Lazzeretto",
		"Piazza Dante", "Via di Ponte di Masino", "Via dei Fossi"},
	"Certaldo": {"Via Boccaccio", "Viale Matteotti", "Borgo Garibaldi", "Piazza Boccaccio", "Via Trento", "Via Fiorentina",
		"Via 2 Giugno", "Via Toscana", "Via Romana", "Via del Castello"},
	"Empoli": {"Via Giuseppe del Papa", "Via Chiarugi", "Via Carraia", "Via Livornese", "Via Tosco Romagnola", "Via Lucchese",
		"Via Val d'Orme", "Via Ridolfi", "Via Cavour", "Via Salvagnoli", "Via dei Neri", "Piazza della Vittoria",
		"Via Giovanni da Empoli", "Via di Ponzano", "Via di Corniola", "Viale IV Novembre"},
	"Fucecchio": {"Corso Matteotti", "Via Dante", "Via Roma", "Via Pesciatina", "Via di Ponte a Cappiano", "Via di Burello",
		"Viale Buozzi", "Via Trento", "Piazza Montanelli", "Via di Galleno", "Via Provinciale Francesca"},
	"Gambassi Terme": {"Via Garibaldi", "Via Volterrana", "Via Roma", "Via Gramsci", "Piazza Di Vittorio", "Via Vittorio Veneto",
		"Via Dante", "Via di Badia a Cerreto"},
	"Montaione": {"Via Roma", "Viale da Filicaja", "Via Marconi", "Via Chiarenti", "Via Gramsci", "Via Vittorio Veneto",
		"Via Volterrana", "Via di San Vivaldo"},
	"Montelupo Fiorentino": {"Via Baccio da Montelupo", "Via Tosco Romagnola", "Corso Garibaldi", "Via Roma", "Via Caverni",
		"Viale Centofiori", "Via Gramsci", "Via di Turbone", "Via di Fibbiana"},
	"Montespertoli": {"Via Roma", "Via Volterrana", "Via Sonnino", "Piazza del Popolo", "Via Lucardese", "Via Trento",
		"Via di Montegufoni", "Via Martini", "Via di Baccaiano"},
	"Vinci": {"Via Roma", "Via Lamporecchiana", "Via Pistoiese", "Via Provinciale di Mercatale", "Via di Sovigliana",
		"Via Limitese", "Piazza Leonardo da Vinci", "Via Fucecchiese", "Via Mazzini", "Via della Costituzione"},
}

package demo

import "github.com/progetto-win/win/ent/person"

// Fictional people get names ordinary in the country their family comes
// from, combined at random: any resemblance to real persons is chance.
// The names are written without diacritics, as many registry offices
// transcribe them, so that the tax code's letters are plain.

// origin is a country the demo's persons come from: the names its people
// are given and, for those born there, the birthplace: the country's name
// and its cadastral code (codice catastale: Z and three digits).
type origin struct {
	country, code          string
	female, male, surnames []string
}

var (
	italy = &origin{country: "Italia",
		female: []string{"Maria", "Anna", "Giulia", "Francesca", "Chiara", "Sara", "Laura", "Valentina", "Elena", "Silvia",
			"Alessandra", "Federica", "Martina", "Paola", "Roberta", "Simona", "Cristina", "Elisa", "Ilaria", "Monica"},
		male: []string{"Marco", "Luca", "Giuseppe", "Francesco", "Andrea", "Alessandro", "Matteo", "Lorenzo", "Stefano", "Paolo",
			"Roberto", "Davide", "Simone", "Federico", "Riccardo", "Giovanni", "Antonio", "Fabio", "Massimo", "Claudio"},
		surnames: []string{"Rossi", "Bianchi", "Bartolini", "Mancini", "Ciampi", "Fabbri", "Giannini", "Lazzeri", "Mazzanti", "Nencini",
			"Orlandi", "Pucci", "Querci", "Ridolfi", "Santini", "Taddei", "Ulivieri", "Vanni", "Zucchi", "Baldi",
			"Cecchi", "Dei", "Falorni", "Gori", "Innocenti", "Lotti", "Marconcini", "Niccolai", "Pratesi", "Scardigli",
			"Esposito", "Russo", "Romano", "Greco", "Lombardo", "D'Angelo"}}
	romania = &origin{country: "Romania", code: "Z129",
		female:   []string{"Ioana", "Elena", "Maria", "Andreea", "Mihaela", "Gabriela", "Alina", "Daniela", "Florentina", "Simona"},
		male:     []string{"Ion", "Andrei", "Mihai", "Alexandru", "Florin", "Constantin", "Gheorghe", "Bogdan", "Vasile", "Adrian"},
		surnames: []string{"Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Stoica", "Munteanu", "Constantin", "Rusu", "Lungu", "Matei"}}
	poland = &origin{country: "Polonia", code: "Z127",
		female:   []string{"Agnieszka", "Katarzyna", "Anna", "Malgorzata", "Joanna", "Ewa", "Magdalena"},
		male:     []string{"Piotr", "Krzysztof", "Tomasz", "Pawel", "Marek", "Jakub", "Michal"},
		surnames: []string{"Nowak", "Wojcik", "Kowalczyk", "Wozniak", "Mazur", "Krawczyk", "Zajac", "Krol"}} // no -ski/-ska: they change with gender
	albania = &origin{country: "Albania", code: "Z100",
		female:   []string{"Elona", "Anila", "Blerina", "Mirela", "Ermira", "Klodiana", "Arjola", "Fatjona", "Entela", "Valbona"},
		male:     []string{"Arben", "Besnik", "Gentian", "Ilir", "Fatmir", "Artan", "Edmond", "Kujtim", "Sokol", "Erion"},
		surnames: []string{"Hoxha", "Shehu", "Gjoka", "Leka", "Dervishi", "Kola", "Marku", "Basha", "Cela", "Prifti", "Hysa", "Meta"}}
	ukraine = &origin{country: "Ucraina", code: "Z138",
		female:   []string{"Olena", "Oksana", "Natalia", "Iryna", "Tetiana", "Svitlana", "Halyna", "Yulia"},
		male:     []string{"Oleksandr", "Andrii", "Serhii", "Volodymyr", "Mykola", "Dmytro", "Yurii", "Vasyl"},
		surnames: []string{"Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Kovalchuk", "Lysenko", "Savchuk"}}
	morocco = &origin{country: "Marocco", code: "Z330",
		female:   []string{"Fatima", "Khadija", "Aicha", "Naima", "Malika", "Samira", "Latifa", "Zineb", "Hanane", "Nadia"},
		male:     []string{"Mohamed", "Youssef", "Ahmed", "Abdelaziz", "Rachid", "Mustapha", "Said", "Hassan", "Khalid", "Abdellah"},
		surnames: []string{"Benali", "El Idrissi", "Bennani", "El Amrani", "Alaoui", "Tazi", "Bouazza", "El Fassi", "Chraibi", "Berrada", "Ziani"}}
	senegal = &origin{country: "Senegal", code: "Z343",
		female:   []string{"Fatou", "Aminata", "Awa", "Mariama", "Khady", "Ndeye", "Astou", "Coumba"},
		male:     []string{"Mamadou", "Moussa", "Ibrahima", "Cheikh", "Abdoulaye", "Modou", "Ousmane", "Babacar"},
		surnames: []string{"Diallo", "Ndiaye", "Diop", "Fall", "Sow", "Gueye", "Sarr", "Faye", "Mbaye", "Ba", "Thiam", "Cisse"}}
	nigeria = &origin{country: "Nigeria", code: "Z335",
		female:   []string{"Blessing", "Chioma", "Ngozi", "Adaeze", "Funmilayo", "Precious", "Joy", "Esther"},
		male:     []string{"Chinedu", "Emeka", "Oluwaseun", "Ikenna", "Tunde", "Godwin", "Samuel", "Daniel"},
		surnames: []string{"Okafor", "Adeyemi", "Okonkwo", "Eze", "Obi", "Nwosu", "Adebayo", "Ogunleye", "Igwe", "Okoro"}}
	tunisia = &origin{country: "Tunisia", code: "Z352",
		female:   []string{"Amel", "Sonia", "Leila", "Salma", "Rim", "Ines"},
		male:     []string{"Mehdi", "Karim", "Slim", "Walid", "Anis", "Sami"},
		surnames: []string{"Trabelsi", "Ben Salah", "Jebali", "Gharbi", "Hammami", "Bouzid", "Mejri", "Ayari"}}
	china = &origin{country: "Cina", code: "Z210",
		female:   []string{"Xiaoli", "Mei", "Li", "Ying", "Hui", "Jing", "Fang", "Xiu"},
		male:     []string{"Wei", "Jun", "Lei", "Jian", "Ming", "Hao", "Qiang", "Bo"},
		surnames: []string{"Chen", "Hu", "Zhou", "Wang", "Zhang", "Lin", "Huang", "Xu", "Ye", "Jin"}}
	pakistan = &origin{country: "Pakistan", code: "Z236",
		female:   []string{"Ayesha", "Fatima", "Sana", "Nadia", "Rabia", "Saima"},
		male:     []string{"Muhammad", "Imran", "Asif", "Bilal", "Usman", "Kamran"},
		surnames: []string{"Khan", "Ahmed", "Ali", "Hussain", "Malik", "Butt", "Iqbal", "Shah"}}
	bangladesh = &origin{country: "Bangladesh", code: "Z249",
		female:   []string{"Nasrin", "Rahima", "Shirin", "Taslima", "Sultana", "Farzana"},
		male:     []string{"Rahim", "Karim", "Abdul", "Jahid", "Sohel", "Mizanur"},
		surnames: []string{"Rahman", "Hossain", "Islam", "Uddin", "Miah", "Sarker", "Chowdhury", "Alam"}}
	peru = &origin{country: "Perù", code: "Z611",
		female:   []string{"Rosa", "Carmen", "Maria", "Juana", "Lucia", "Milagros", "Gladys", "Maribel"},
		male:     []string{"Carlos", "Jose", "Luis", "Jorge", "Juan", "Miguel", "Cesar", "Victor"},
		surnames: []string{"Quispe", "Mamani", "Flores", "Huaman", "Rojas", "Gonzales", "Ramirez", "Chavez", "Vargas", "Mendoza"}}
	ecuador = &origin{country: "Ecuador", code: "Z605",
		female:   []string{"Maria", "Jessica", "Veronica", "Gabriela", "Diana", "Paola"},
		male:     []string{"Luis", "Jorge", "Diego", "Byron", "Wilson", "Fernando"},
		surnames: []string{"Guaman", "Morocho", "Pilco", "Zambrano", "Cedeno", "Vera", "Andrade", "Salazar"}}
	brazil = &origin{country: "Brasile", code: "Z602",
		female:   []string{"Ana", "Juliana", "Fernanda", "Camila", "Patricia", "Aline"},
		male:     []string{"Joao", "Paulo", "Rafael", "Thiago", "Lucas", "Rodrigo"},
		surnames: []string{"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Ferreira", "Almeida", "Costa"}}
	australia = &origin{country: "Australia", code: "Z700",
		female:   []string{"Emily", "Sarah", "Jessica", "Olivia"},
		male:     []string{"James", "Jack", "Thomas", "Daniel"},
		surnames: []string{"Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor"}}
	// Stateless persons in Tuscany are often Roma families who left
	// the former Yugoslavia without another citizenship.
	stateless = &origin{country: "Bosnia-Erzegovina", code: "Z153",
		female:   []string{"Sanela", "Elvira", "Mirsada", "Senada", "Jasmina", "Suada"},
		male:     []string{"Senad", "Mirsad", "Elvis", "Dzevad", "Nedzad", "Safet"},
		surnames: []string{"Hamidovic", "Sejdic", "Halilovic", "Ahmetovic", "Mustafic", "Jovanovic", "Nikolic", "Redzepi"}}
)

// origins are the countries of each citizenship area, by share of the
// foreign residents of the Circondario.
var origins = map[person.CitizenshipArea][]weighted[*origin]{
	person.CitizenshipAreaItaly:         {{italy, 1}},
	person.CitizenshipAreaEuropeanUnion: {{romania, 0.8}, {poland, 0.2}},
	person.CitizenshipAreaOtherEurope:   {{albania, 0.65}, {ukraine, 0.35}},
	person.CitizenshipAreaAfrica:        {{morocco, 0.45}, {senegal, 0.25}, {nigeria, 0.15}, {tunisia, 0.15}},
	person.CitizenshipAreaAsia:          {{china, 0.55}, {pakistan, 0.25}, {bangladesh, 0.2}},
	person.CitizenshipAreaAmericas:      {{peru, 0.5}, {ecuador, 0.25}, {brazil, 0.25}},
	person.CitizenshipAreaOceania:       {{australia, 1}},
	person.CitizenshipAreaStateless:     {{stateless, 1}},
}

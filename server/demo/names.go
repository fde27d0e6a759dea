package demo

// Fictional people get ordinary Italian and foreign names, combined at
// random: any resemblance to real persons is chance.
var (
	femaleNames = []string{
		"Maria", "Anna", "Giulia", "Francesca", "Chiara", "Sara", "Laura", "Valentina", "Elena", "Silvia",
		"Alessandra", "Federica", "Martina", "Paola", "Roberta", "Simona", "Cristina", "Elisa", "Ilaria", "Monica",
		"Fatima", "Aisha", "Elena", "Ioana", "Mariana", "Xiaoli", "Ana", "Olena",
	}
	maleNames = []string{
		"Marco", "Luca", "Giuseppe", "Francesco", "Andrea", "Alessandro", "Matteo", "Lorenzo", "Stefano", "Paolo",
		"Roberto", "Davide", "Simone", "Federico", "Riccardo", "Giovanni", "Antonio", "Fabio", "Massimo", "Claudio",
		"Mohamed", "Youssef", "Ion", "Arben", "Wei", "Carlos", "Mamadou", "Ahmed",
	}
	surnames = []string{
		"Rossi", "Bianchi", "Bartolini", "Mancini", "Ciampi", "Fabbri", "Giannini", "Lazzeri", "Mazzanti", "Nencini",
		"Orlandi", "Pucci", "Querci", "Ridolfi", "Santini", "Taddei", "Ulivieri", "Vanni", "Zucchi", "Baldi",
		"Cecchi", "Dei", "Falorni", "Gori", "Innocenti", "Lotti", "Marconcini", "Niccolai", "Pratesi", "Scardigli",
		"Benali", "Popescu", "Hoxha", "Chen", "Diallo", "Gonzales", "Kowalski", "Khan", "Ionescu", "Rahman",
	}
)

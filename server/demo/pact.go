package demo

import (
	"strings"

	"github.com/progetto-win/win/ent"
	"github.com/progetto-win/win/ent/organization"
)

// pactText is the demo pact's text: its articles as the sources describe
// them, shortened.
const pactText = `Art. 1 – Finalità. Le parti, nel solco della Carta per una Responsabilità Sociale Condivisa, si impegnano a contrastare la povertà e il nuovo disagio nel territorio del Circondario dell'Empolese Valdelsa con il progetto WIN — Welfare d'INiziativa, Vincere Insieme.
Art. 2 – Reciprocità. Chi riceve un sostegno restituisce alla comunità, secondo le proprie possibilità, con attività di utilità sociale concordate nel progetto personale.
Art. 3 – Strumenti. I tavoli territoriali multiprofessionali accolgono le segnalazioni, prendono in carico le persone e concordano con loro un progetto personale; la cabina di regia indirizza, programma, valuta e verifica.
Art. 4 – Adesione. Possono aderire al patto gli enti pubblici e privati e le organizzazioni del terzo settore che ne condividono le finalità.
Dati dimostrativi.`

// founding tells the bodies that promoted the pact: the Union, the trade
// unions, the employers' associations and the Associazione VNP.
func founding(o *ent.Organization) bool {
	switch o.Kind {
	case organization.KindUnionOfMunicipalities, organization.KindTradeUnion, organization.KindEmployersAssociation:
		return true
	}
	return strings.Contains(o.Name, "VNP")
}

// signerNames are who signed for the bodies: invented names, picked by
// the body's place in the list so that the random draws stay as they were.
var signerNames = []string{"Giulia Bartolini", "Marco Cappelli", "Elena Fantozzi", "Paolo Guidotti", "Silvia Landi",
	"Andrea Mannucci", "Chiara Nencioni", "Stefano Pieraccini", "Francesca Rossetti", "Lorenzo Vannucci"}

// signerRole is the office of who signs for a body of a kind.
func signerRole(k organization.Kind) string {
	switch k {
	case organization.KindMunicipality:
		return "Sindaco"
	case organization.KindUnionOfMunicipalities, organization.KindEmployersAssociation, organization.KindThirdSector, organization.KindCaritas:
		return "Presidente"
	case organization.KindTradeUnion:
		return "Segretario generale"
	}
	return "Legale rappresentante"
}

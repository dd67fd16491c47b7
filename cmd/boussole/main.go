// Command boussole runs the Boussole web platform and its administration tasks.
package main

import (
	"fmt"
	"os"
)

const usage = `Boussole — la stratégie d'action internationale des collectivités.

Utilisation :
  boussole serve [--demo] [options]   lance l'application web (boussole serve --help pour les options)
  boussole migrate [options]          applique les migrations de la base puis s'arrête
  boussole user create --email ADRESSE --name NOM
                                      crée un administrateur de la plateforme (mot de passe lu
                                      sur l'entrée standard ou dans BOUSSOLE_PASSWORD)
  boussole backup FICHIER             copie cohérente de la base SQLite, application en marche
  boussole document --authority NOM [--format odt|pdf|deliberation|une-page|xlsx|ods|iati|eapd] [-o FICHIER]
                                      écrit un livrable de la stratégie (document stratégique par
                                      défaut) sur la sortie standard ou dans FICHIER ; iati et eapd
                                      (--annee AAAA) couvrent toutes les stratégies de l'espace
  boussole export --authority NOM [-o FICHIER]
                                      écrit l'archive complète de l'espace (zip : données et pièces
                                      jointes) sur la sortie standard ou dans FICHIER
  boussole import [--remplacer] FICHIER
                                      restaure un espace depuis son archive, dans une autre instance
                                      (--remplacer : à la place de l'espace du même nom)
  boussole version                    affiche la version
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch args := os.Args[2:]; os.Args[1] {
	case "serve":
		err = serve(args)
	case "migrate":
		err = migrate(args)
	case "user":
		err = user(args)
	case "backup":
		err = backup(args)
	case "document":
		err = documentCmd(args, os.Stdout, os.Stderr)
	case "export":
		err = exportCmd(args, os.Stdout, os.Stderr)
	case "import":
		err = importCmd(args, os.Stderr)
	case "version":
		fmt.Println("boussole", version())
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "commande inconnue : %s\n\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "boussole :", err)
		os.Exit(1)
	}
}

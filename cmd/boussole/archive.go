package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"boussole/internal/archive"
	"boussole/internal/config"
	"boussole/internal/store"
)

// exportCmd writes the whole of a workspace as one archive, to standard output or to -o FILE, and says on
// standard error what it holds.
func exportCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := config.Flags(fs)
	slug := fs.String("authority", "", "nom de l'espace dans ses adresses, par exemple grand-belval")
	out := fs.String("o", "", "fichier à écrire ; la sortie standard par défaut")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *slug == "" {
		return errors.New("--authority est obligatoire : le nom de l'espace dans ses adresses, par exemple grand-belval")
	}
	if f, ok := stdout.(*os.File); ok && *out == "" {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			return errors.New("l'archive est un fichier zip : donnez -o FICHIER, ou redirigez la sortie standard (> espace.zip)")
		}
	}
	ctx := context.Background()
	st, err := openStore(ctx, cfg, newLogger("text"))
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.AuthorityBySlug(ctx, *slug)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("aucun espace « %s » dans cette base", *slug)
	} else if err != nil {
		return err
	}
	arc, err := st.ExportAuthority(ctx, a.ID)
	if err != nil {
		return err
	}
	arc.Manifest.Application = "boussole " + version()
	var buf bytes.Buffer
	if err := archive.Write(&buf, arc); err != nil {
		return err
	}
	dest := "la sortie standard"
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o600); err != nil {
			return err
		}
		dest = *out
	} else if _, err := stdout.Write(buf.Bytes()); err != nil {
		return err
	}
	rows := 0
	for _, t := range arc.Tables {
		rows += len(arc.Rows[t.Name])
	}
	fmt.Fprintf(stderr, "Archive de l'espace « %s » : %d tables, %d lignes, %d octets écrits dans %s.\n", a.Name, len(arc.Tables), rows, buf.Len(), dest)
	fmt.Fprintln(stderr, "Ne sont pas exportés : les mots de passe, les sessions, les jetons d'API et d'agenda, les invitations en attente.")
	for _, n := range arc.Manifest.Notes {
		fmt.Fprintln(stderr, "Remarque :", n)
	}
	return nil
}

// importCmd restores a workspace from an archive written by `boussole export`, all or nothing.
func importCmd(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := config.Flags(fs)
	replace := fs.Bool("remplacer", false, "remplace l'espace du même nom s'il existe (supprimé et restauré dans la même transaction)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 1 { // options after the file: boussole import FICHIER --database-url …
		rest := fs.Args()
		if err := fs.Parse(rest[1:]); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return errors.New("utilisation : boussole import [--remplacer] FICHIER (une seule archive à la fois)")
		}
		args = rest[:1]
	} else {
		args = fs.Args()
	}
	if len(args) != 1 {
		return errors.New("utilisation : boussole import [--remplacer] FICHIER (une archive écrite par boussole export)")
	}
	name := args[0]
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("le fichier %s n'existe pas", name)
	} else if err != nil {
		return fmt.Errorf("impossible d'ouvrir %s (droits de lecture ?)", name)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	arc, err := archive.Read(f, info.Size(), archive.DefaultLimits)
	if err != nil {
		return fmt.Errorf("%s : %w ; rien n'a été importé", name, err)
	}
	ctx := context.Background()
	st, err := openStore(ctx, cfg, newLogger("text"))
	if err != nil {
		return err
	}
	defer st.Close()
	restore := st.ImportAuthority
	if *replace {
		restore = st.ReplaceAuthority
	}
	a, err := restore(ctx, arc)
	if err != nil {
		if errors.Is(err, store.ErrArchive) {
			return fmt.Errorf("%s : %w ; rien n'a été importé", name, err)
		}
		return err
	}
	rows := 0
	for _, t := range arc.Tables {
		rows += len(arc.Rows[t.Name])
	}
	did := "importé"
	if *replace {
		did = "restauré (l'espace du même nom, s'il existait, est remplacé)"
	}
	fmt.Fprintf(stderr, "Espace « %s » %s, adresse /ct/%s : %d lignes de %d tables.\n", a.Name, did, a.Slug, rows, len(arc.Tables))
	fmt.Fprintln(stderr, "Les comptes nouveaux pour cette base n'ont pas de mot de passe : chacun en choisit un avec « mot de passe oublié » (ou se connecte avec ProConnect). Les jetons d'API et les invitations sont à recréer.")
	return nil
}

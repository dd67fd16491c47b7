package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"boussole/internal/auth"
	"boussole/internal/config"
	"boussole/internal/model"
	"boussole/internal/store"
)

func migrate(args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	cfg := config.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := openStore(context.Background(), cfg, newLogger("text"))
	if err != nil {
		return err
	}
	return st.Close()
}

// user creates a platform administrator, the first account of a new platform.
func user(args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("utilisation : boussole user create --email ADRESSE --name NOM")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	cfg := config.Flags(fs)
	email := fs.String("email", "", "adresse électronique")
	name := fs.String("name", "", "prénom et nom")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *email == "" || *name == "" {
		return errors.New("--email et --name sont obligatoires")
	}
	password := os.Getenv("BOUSSOLE_PASSWORD")
	if password == "" {
		fmt.Fprint(os.Stderr, "Mot de passe (10 caractères au moins) : ")
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return errors.New("aucun mot de passe lu sur l'entrée standard")
		}
		password = strings.TrimRight(line, "\r\n")
	}
	if len([]rune(password)) < auth.MinPasswordLength {
		return errors.New("le mot de passe doit compter au moins 10 caractères")
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	ctx := context.Background()
	st, err := openStore(ctx, cfg, newLogger("text"))
	if err != nil {
		return err
	}
	defer st.Close()
	u := model.User{Email: *email, Name: *name, PasswordHash: hash, PlatformAdmin: true}
	if err := st.CreateUser(ctx, &u); errors.Is(err, store.ErrDuplicate) {
		return fmt.Errorf("un compte existe déjà avec l'adresse %s", u.Email)
	} else if err != nil {
		return err
	}
	fmt.Printf("Administrateur de la plateforme créé : %s\n", u.Email)
	return nil
}

func backup(args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	cfg := config.Flags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("utilisation : boussole backup FICHIER")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Printf("Copie écrite dans %s\n", fs.Arg(0))
	return nil
}

// version returns the commit the binary was built from, when Go recorded it.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "inconnue"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return info.Main.Version
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+modifications"
	}
	return rev
}

package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"boussole/internal/store"
)

// TestAdministrationCommands runs migrate, user create and backup on a fresh data directory.
func TestAdministrationCommands(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("BOUSSOLE_DATA_DIR", dir)
	t.Setenv("BOUSSOLE_DATABASE_URL", "")
	if err := migrate(nil); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BOUSSOLE_PASSWORD", "court")
	if err := user([]string{"create", "--email", "op@plateforme.fr", "--name", "Opératrice"}); err == nil || !strings.Contains(err.Error(), "10 caractères") {
		t.Errorf("short password: %v", err)
	}
	t.Setenv("BOUSSOLE_PASSWORD", "un mot de passe solide")
	if err := user([]string{"create", "--email", "Op@Plateforme.fr", "--name", "Opératrice"}); err != nil {
		t.Fatal(err)
	}
	if err := user([]string{"create", "--email", "op@plateforme.fr", "--name", "Autre"}); err == nil || !strings.Contains(err.Error(), "existe déjà") {
		t.Errorf("duplicate: %v", err)
	}
	if err := user([]string{"delete"}); err == nil {
		t.Error("unknown subcommand accepted")
	}
	copyPath := filepath.Join(t.TempDir(), "copie.db")
	if err := backup([]string{copyPath}); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByEmail(context.Background(), "op@plateforme.fr")
	if err != nil || !u.PlatformAdmin {
		t.Errorf("platform administrator in the backup: %+v, %v", u, err)
	}
	if err := backup(nil); err == nil {
		t.Error("backup without a file name accepted")
	}
	if version() == "" {
		t.Error("empty version")
	}
}

func TestServeRefusesBadSettings(t *testing.T) {
	if err := serve([]string{"--log-format", "xml"}); err == nil {
		t.Error("unknown log format accepted")
	}
	if err := serve([]string{"--database-url", "mysql://x"}); err == nil {
		t.Error("unknown database URL accepted")
	}
}

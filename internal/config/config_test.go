package config

import (
	"flag"
	"testing"
)

func TestFlagsAndEnv(t *testing.T) {
	t.Setenv("BOUSSOLE_ADDR", ":9000")
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c := Flags(fs)
	if err := fs.Parse([]string{"--data", "/tmp/b"}); err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":9000" || c.DataDir != "/tmp/b" {
		t.Errorf("config = %+v", c)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "http://localhost:9000" || c.HTTPS() {
		t.Errorf("base URL = %q", c.BaseURL)
	}
	c.BaseURL = "ftp://x"
	if c.Validate() == nil {
		t.Error("ftp base URL accepted")
	}
	c.BaseURL, c.LogFormat = "https://boussole.example/", "xml"
	if c.Validate() == nil {
		t.Error("unknown log format accepted")
	}
	c.LogFormat = "json"
	if err := c.Validate(); err != nil || !c.HTTPS() || c.BaseURL != "https://boussole.example" {
		t.Errorf("https: %v %q", err, c.BaseURL)
	}
}

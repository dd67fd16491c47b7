package config

import (
	"flag"
	"strings"
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

func TestTrustedProxiesAndMetrics(t *testing.T) {
	t.Setenv("BOUSSOLE_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7,2001:db8::/32")
	t.Setenv("BOUSSOLE_METRICS_TOKEN", "un-jeton-assez-long")
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c := Flags(fs)
	if err := fs.Parse([]string{"--metrics-addr", "127.0.0.1:9090"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.TrustedProxies {
		got = append(got, p.String())
	}
	if strings.Join(got, " ") != "10.0.0.0/8 192.0.2.7/32 2001:db8::/32" {
		t.Errorf("trusted proxies = %v", got)
	}
	if c.MetricsAddr != "127.0.0.1:9090" || c.MetricsToken != "un-jeton-assez-long" {
		t.Errorf("metrics = %q %q", c.MetricsAddr, c.MetricsToken)
	}

	for _, bad := range [][]string{
		{"--trusted-proxies", "10.0.0.0/8,proxy.interne"},
		{"--trusted-proxies", "10.0.0.300"},
		{"--metrics-token", "court"},
		{"--addr", ":9000", "--metrics-addr", ":9000"},
	} {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		c := Flags(fs)
		if err := fs.Parse(bad); err != nil {
			t.Fatal(err)
		}
		if err := c.Validate(); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

func TestProConnectSettings(t *testing.T) {
	t.Setenv("BOUSSOLE_OIDC_ISSUER", "https://auth.agentconnect.gouv.fr/api/v2")
	t.Setenv("BOUSSOLE_OIDC_CLIENT_ID", "boussole")
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c := Flags(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "les trois") {
		t.Errorf("issuer and id without secret: %v", err)
	}
	c.OIDCClientSecret = "secret"
	if err := c.Validate(); err != nil || !c.ProConnect() {
		t.Errorf("complete settings: %v", err)
	}
	for issuer, ok := range map[string]bool{"http://127.0.0.1:9999": true, "http://localhost:1/x": true, "http://auth.example.fr": false, "ftp://x": false, "https://": false} {
		c.OIDCIssuer = issuer
		if err := c.Validate(); (err == nil) != ok {
			t.Errorf("issuer %q: %v", issuer, err)
		}
	}
	off := &Config{LogFormat: "text", Addr: ":8080"}
	if err := off.Validate(); err != nil || off.ProConnect() {
		t.Errorf("off by default: %v", err)
	}
}

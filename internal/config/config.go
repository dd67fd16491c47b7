// Package config reads Boussole's settings from command-line flags, each with an environment variable
// that serves as its default, in one place.
package config

import (
	"flag"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"time"
)

// Config holds the settings of `boussole serve`.
type Config struct {
	Addr        string
	DataDir     string
	DatabaseURL string
	BaseURL     string
	LogFormat   string
	SMTPURL     string
	MailFrom    string
	Demo        bool
	// TrustedProxies are the proxies whose X-Forwarded-For names the client; filled by Validate.
	TrustedProxies []netip.Prefix
	trustedProxies string
	// MetricsAddr, when set, serves /metrics on its own listener instead of the public one.
	MetricsAddr string
	// MetricsToken, when set, lets a bearer of it read /metrics on the public address.
	MetricsToken string
	// OIDCIssuer, OIDCClientID and OIDCClientSecret turn on ProConnect sign-in; all three or none.
	OIDCIssuer       string
	OIDCClientID     string
	OIDCClientSecret string
	// ShutdownTimeout bounds how long requests in flight may take to finish on stop.
	ShutdownTimeout time.Duration
}

// Flags registers the serve flags on fs and returns the config they fill.
func Flags(fs *flag.FlagSet) *Config {
	c := &Config{}
	fs.StringVar(&c.Addr, "addr", env("BOUSSOLE_ADDR", ":8080"), "adresse d'écoute (BOUSSOLE_ADDR)")
	fs.StringVar(&c.DataDir, "data", env("BOUSSOLE_DATA_DIR", "./data"), "dossier des données : base SQLite et pièces jointes (BOUSSOLE_DATA_DIR)")
	fs.StringVar(&c.DatabaseURL, "database-url", env("BOUSSOLE_DATABASE_URL", ""), "vide pour SQLite dans le dossier des données, ou postgres://… (BOUSSOLE_DATABASE_URL)")
	fs.StringVar(&c.BaseURL, "base-url", env("BOUSSOLE_BASE_URL", ""), "adresse publique, pour les liens des courriels et des flux (BOUSSOLE_BASE_URL)")
	fs.StringVar(&c.LogFormat, "log-format", env("BOUSSOLE_LOG_FORMAT", "text"), "format des journaux : text ou json (BOUSSOLE_LOG_FORMAT)")
	fs.StringVar(&c.SMTPURL, "smtp-url", env("BOUSSOLE_SMTP_URL", ""), "serveur de courriel smtp://utilisateur:motdepasse@hote:587 ; vide : les courriels vont au journal (BOUSSOLE_SMTP_URL)")
	fs.StringVar(&c.MailFrom, "mail-from", env("BOUSSOLE_MAIL_FROM", ""), "expéditeur des courriels (BOUSSOLE_MAIL_FROM)")
	fs.StringVar(&c.trustedProxies, "trusted-proxies", env("BOUSSOLE_TRUSTED_PROXIES", ""), "répartiteurs dont l'en-tête X-Forwarded-For est cru : adresses ou blocs CIDR séparés par des virgules (BOUSSOLE_TRUSTED_PROXIES)")
	fs.StringVar(&c.MetricsAddr, "metrics-addr", env("BOUSSOLE_METRICS_ADDR", ""), "adresse d'écoute réservée à /metrics, par exemple 127.0.0.1:9090 (BOUSSOLE_METRICS_ADDR)")
	fs.StringVar(&c.MetricsToken, "metrics-token", env("BOUSSOLE_METRICS_TOKEN", ""), "jeton qui ouvre /metrics sur l'adresse publique (Authorization: Bearer …) (BOUSSOLE_METRICS_TOKEN)")
	fs.StringVar(&c.OIDCIssuer, "oidc-issuer", env("BOUSSOLE_OIDC_ISSUER", ""), "adresse du fournisseur ProConnect, par exemple https://auth.agentconnect.gouv.fr/api/v2 ; vide : pas de ProConnect (BOUSSOLE_OIDC_ISSUER)")
	fs.StringVar(&c.OIDCClientID, "oidc-client-id", env("BOUSSOLE_OIDC_CLIENT_ID", ""), "identifiant du service enregistré auprès de ProConnect (BOUSSOLE_OIDC_CLIENT_ID)")
	fs.StringVar(&c.OIDCClientSecret, "oidc-client-secret", env("BOUSSOLE_OIDC_CLIENT_SECRET", ""), "secret du service enregistré auprès de ProConnect (BOUSSOLE_OIDC_CLIENT_SECRET)")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", 20*time.Second, "délai laissé aux requêtes en cours à l'arrêt")
	return c
}

// Validate checks the settings and fills the base URL from the address when it is empty.
func (c *Config) Validate() error {
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("--log-format : « %s » inconnu (text ou json)", c.LogFormat)
	}
	if c.BaseURL == "" {
		host := c.Addr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.BaseURL = "http://" + host
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--base-url : « %s » n'est pas une adresse http(s) valide", c.BaseURL)
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	if c.trustedProxies != "" {
		proxies, err := ParseProxies(c.trustedProxies)
		if err != nil {
			return err
		}
		c.TrustedProxies = proxies
	}
	if c.MetricsAddr != "" && c.MetricsAddr == c.Addr {
		return fmt.Errorf("--metrics-addr : « %s » est déjà l'adresse publique ; choisissez-en une autre", c.MetricsAddr)
	}
	if c.MetricsToken != "" && len(c.MetricsToken) < minTokenLength {
		return fmt.Errorf("--metrics-token : %d caractères au moins", minTokenLength)
	}
	return c.validateOIDC()
}

// ProConnect reports whether ProConnect sign-in is configured.
func (c *Config) ProConnect() bool { return c.OIDCIssuer != "" }

// validateOIDC checks that ProConnect is configured whole, at an HTTPS address (plain HTTP only on the
// loopback, for tests and a provider run locally).
func (c *Config) validateOIDC() error {
	set := 0
	for _, v := range []string{c.OIDCIssuer, c.OIDCClientID, c.OIDCClientSecret} {
		if v != "" {
			set++
		}
	}
	if set == 0 {
		return nil
	}
	if set != 3 {
		return fmt.Errorf("ProConnect : --oidc-issuer, --oidc-client-id et --oidc-client-secret vont ensemble ; donnez les trois ou aucun")
	}
	u, err := url.Parse(c.OIDCIssuer)
	if err != nil || u.Host == "" || (u.Scheme != "https" && !(u.Scheme == "http" && loopback(u.Hostname()))) {
		return fmt.Errorf("--oidc-issuer : « %s » n'est pas une adresse https:// (http:// n'est admis que sur la machine elle-même)", c.OIDCIssuer)
	}
	return nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

// minTokenLength keeps the metrics token out of reach of guessing.
const minTokenLength = 16

// ParseProxies reads a comma- or space-separated list of addresses and CIDR blocks.
func ParseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, item := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' }) {
		if p, err := netip.ParsePrefix(item); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(item)
		if err != nil {
			return nil, fmt.Errorf("--trusted-proxies : « %s » n'est ni une adresse IP ni un bloc CIDR (par exemple 10.0.0.0/8)", item)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// HTTPS reports whether the public address is served over HTTPS, so cookies are marked Secure.
func (c *Config) HTTPS() bool { return strings.HasPrefix(c.BaseURL, "https://") }

func env(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return fallback
}

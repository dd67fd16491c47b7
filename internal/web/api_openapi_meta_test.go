package web

import (
	"bytes"
	"net/http"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"boussole/internal/store/storetest"
)

// TestOpenAPIValidatesAgainstTheMetaSchema checks the served description against the OpenAPI 3.1
// meta-schema (testdata/openapi-3.1), so that tools that read OpenAPI accept it; and that the check can
// fail, on a description with a broken operation.
func TestOpenAPIValidatesAgainstTheMetaSchema(t *testing.T) {
	f, err := os.Open("testdata/openapi-3.1/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	meta, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://spec.openapis.org/oas/3.1/schema/2021-04-15", meta); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("https://spec.openapis.org/oas/3.1/schema/2021-04-15")
	if err != nil {
		t.Fatal(err)
	}
	app := newTestApp(t, storetest.SQLite(t))
	res := app.api("GET", apiPrefix+"/openapi.json", "", nil)
	if res.status != http.StatusOK {
		t.Fatalf("openapi.json: %d", res.status)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("the description breaks the OpenAPI 3.1 meta-schema:\n%v", err)
	}
	broken := doc.(map[string]any)
	for _, ops := range broken["paths"].(map[string]any) {
		for _, op := range ops.(map[string]any) {
			op.(map[string]any)["responses"] = "aucune"
			break
		}
		break
	}
	if sch.Validate(broken) == nil {
		t.Error("a description whose operation has no responses object passes: the check proves nothing")
	}
}

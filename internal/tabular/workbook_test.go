package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var workbook = []Sheet{
	{Name: "Cadre logique", Header: []string{"Niveau", "Intitulé"}, Rows: [][]string{{"Objectif 1", "Mobilité des jeunes"}, {"Résultat 1.1", "=HYPERLINK(\"x\")"}}},
	{Name: "Risques : [registre] / trop long pour une feuille", Header: []string{"N°", "Risque"}, Rows: [][]string{{"R1", "Départ de l'élu <référent> & \x00co\nsur deux lignes"}}},
}

func TestWriteXLSXSheetsRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSXSheets(&buf, workbook); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	names := f.GetSheetList()
	if len(names) != 2 || names[0] != "Cadre logique" || names[1] != "Risques - -registre- - trop lon" {
		t.Fatalf("feuilles : %q", names)
	}
	rows, _ := f.GetRows("Cadre logique")
	if rows[2][1] != "'=HYPERLINK(\"x\")" {
		t.Errorf("formule non neutralisée : %q", rows[2][1])
	}
	rows, _ = f.GetRows(names[1])
	if rows[1][1] != "Départ de l'élu <référent> & co\nsur deux lignes" {
		t.Errorf("texte : %q", rows[1][1])
	}
}

func TestWriteODSStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteODS(&buf, workbook); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if string(data[30:38]) != "mimetype" || string(data[38:38+len(ODSMediaType)]) != ODSMediaType {
		t.Fatal("le type de média n'est pas la première entrée stockée")
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var content []byte
	for _, f := range z.File {
		if f.Name == "content.xml" {
			r, _ := f.Open()
			content, _ = io.ReadAll(r)
		}
	}
	var doc struct {
		Tables []struct {
			Name string `xml:"name,attr"`
			Head struct {
				Rows []odsRowXML `xml:"table-row"`
			} `xml:"table-header-rows"`
			Rows []odsRowXML `xml:"table-row"`
		} `xml:"body>spreadsheet>table"`
	}
	if err := xml.Unmarshal(content, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 2 || doc.Tables[0].Name != "Cadre logique" || len(doc.Tables[0].Head.Rows) != 1 || len(doc.Tables[0].Rows) != 2 {
		t.Fatalf("tables : %+v", doc.Tables)
	}
	if got := doc.Tables[0].Rows[1].Cells[1].text(); got != "'=HYPERLINK(\"x\")" {
		t.Errorf("formule : %q", got)
	}
	if got := doc.Tables[1].Rows[0].Cells[1].text(); got != "Départ de l'élu <référent> & co\nsur deux lignes" {
		t.Errorf("texte : %q", got)
	}
}

type odsCellXML struct {
	Paras []string `xml:"p"`
}

func (c odsCellXML) text() string { return strings.Join(c.Paras, "\n") }

type odsRowXML struct {
	Cells []odsCellXML `xml:"table-cell"`
}

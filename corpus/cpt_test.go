package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReadCPTFixture(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "cpt_site.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadCPT(bytes.NewReader(b), "cpt_site.csv")
	if err != nil {
		t.Fatal(err)
	}
	code := func(c, d string, syn ...string) *Code {
		x := &Code{System: CPT, Code: c, Display: d, Billable: true, Names: []Name{{Text: d, Kind: NameTitle}}}
		for _, s := range syn {
			x.Names = append(x.Names, Name{Text: s, Kind: NameSynonym})
		}
		return x
	}
	want := []*Code{
		code("99213", "Office visit, established patient, low complexity", "follow-up visit", "Office Visit"),
		code("0042T", "Made-up category III service"),
		code("3074F", "Systolic pressure below 130", "SBP < 130", `systolic "good"`),
		code("0001U", "Made-up lab analysis"),
	}
	if !reflect.DeepEqual(got, want) {
		for i, c := range got {
			t.Logf("got[%d] = %+v", i, *c)
		}
		t.Fatal("codes differ")
	}
}

func TestReadCPT(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		codes []string
		line  int // 0: no error expected
		msg   string
	}{
		{"no header", "99213,Visit\n93000,ECG\n", []string{"99213", "93000"}, 0, ""},
		{"header", "code,description,synonyms\n99213,Visit,\n", []string{"99213"}, 0, ""},
		{"empty", "", nil, 0, ""},
		{"lower case suffix", "0001u,Lab\n1036f,Non-user\n", []string{"0001U", "1036F"}, 0, ""},
		{"crlf", "99213,Visit\r\n93000,ECG\r\n", []string{"99213", "93000"}, 0, ""},
		{"bad header", "cpt,description\n99213,Visit\n", nil, 1, "bad CPT code"},
		{"bad code", "99213,Visit\nJ1100,Drug\n", nil, 2, "bad CPT code"},
		{"bad suffix", "9921X,Visit\n", nil, 1, "bad CPT code"},
		{"short code", "9921,Visit\n", nil, 1, "bad CPT code"},
		{"one field", "99213\n", nil, 1, "1 fields"},
		{"four fields", "99213,a,b,c\n", nil, 1, "4 fields"},
		{"no descriptor", "99213,  \n", nil, 1, "no descriptor"},
		{"duplicate", "99213,Visit\n\n99213,Again\n", nil, 3, "duplicate code 99213 (first at line 1)"},
		{"bad quote", "99213,\"Visit\n93000,x\n", nil, 2, "quote"},
		{"bare quote", "99213,Vi\"sit\n", nil, 1, "quote"},
		{"not utf8", "99213,Vis\xffit\n", nil, 1, "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCPT(strings.NewReader(tt.in), "cpt.csv")
			if tt.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				var codes []string
				for _, c := range got {
					codes = append(codes, c.Code)
				}
				if !reflect.DeepEqual(codes, tt.codes) {
					t.Errorf("got %v, want %v", codes, tt.codes)
				}
				return
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want *ParseError", err)
			}
			if pe.File != "cpt.csv" || pe.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v (line %d), want line %d and %q", err, pe.Line, tt.line, tt.msg)
			}
		})
	}
}

func TestStarterCPT(t *testing.T) {
	codes, err := StarterCPT()
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) < 150 {
		t.Errorf("starter list has %d codes, want at least 150", len(codes))
	}
	by := map[string]*Code{}
	for _, c := range codes {
		by[c.Code] = c
		if len(c.Names) < 2 {
			t.Errorf("%s has no synonyms", c.Code)
		}
	}
	// The brief's coverage list: each of these must be present.
	must := strings.Fields(`99202 99203 99204 99205 99211 99212 99213 99214 99215
		99221 99222 99223 99231 99232 99233 99234 99235 99236 99238 99239
		99281 99282 99283 99284 99285 99291 99292
		99381 99382 99383 99384 99385 99386 99387 99391 99392 99393 99394 99395 99396 99397
		90460 90471 90472 90473 90474 90686 90670 90715 90746 91320 90707 90750 90651
		85025 85027 80048 80053 80061 83036 84443 81001 81002 81003 85610 84484 83880 87086 87040 87880 87804 87635
		93000 93005 93010 93306 93015 71045 71046 71047 71048 70450 74177 70551 76700 77067 77080
		96372 20610 20550 10060 12001 12002 12004 12011 12013 11102 11103 11104 69209 69210
		45378 45380 45385 43235 43239 52000 94010 94640 94760 36415
		90832 90834 90837 97110 97112 97140`)
	for _, c := range must {
		if by[c] == nil {
			t.Errorf("starter list lacks %s", c)
		}
	}
	if c := by["93000"]; c == nil || !hasName(c, "EKG") || !hasName(c, "ECG") {
		t.Errorf("93000 = %+v", c)
	}
	// Fresh codes on every call: changing one result must not leak.
	again, err := StarterCPT()
	if err != nil {
		t.Fatal(err)
	}
	codes[0].Display = "changed"
	if again[0].Display == "changed" {
		t.Error("StarterCPT shares codes between calls")
	}
}

func hasName(c *Code, text string) bool {
	for _, n := range c.Names {
		if n.Text == text {
			return true
		}
	}
	return false
}

func FuzzReadCPT(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "cpt_site.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(cptStarter[:2000])
	for _, s := range []string{"99213,Visit\n93000,ECG\n", "code,description\n0001u,Lab,a|b\n", "99213,\"Visit\n", "99213,Visit\n\n99213,Again\n", "99213,Vis\xffit\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		codes, err := ReadCPT(bytes.NewReader(in), "fuzz.csv")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.csv" {
				t.Fatalf("error %v is not a *ParseError naming the file", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, c := range codes {
			if !isCPTCode(c.Code) || c.Display == "" || c.System != CPT || seen[c.Code] {
				t.Fatalf("bad code %+v", *c)
			}
			seen[c.Code] = true
			if c.Names[0] != (Name{Text: c.Display, Kind: NameTitle}) {
				t.Fatalf("names %+v", c.Names)
			}
		}
	})
}

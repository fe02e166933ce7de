package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// errXLSXShape says an .xlsx file is laid out in a way the fast sheet
// reader does not handle; the caller then reads it with excelize.
var errXLSXShape = errors.New("corpus: xlsx layout not handled by the fast reader")

// xlsxBook is an .xlsx workbook opened for the fast sheet reader, which
// scans the worksheet XML Excel (and excelize) write — unprefixed
// SpreadsheetML elements, cells with an "r" reference — directly instead
// of decoding it token by token: reading the HCPCS workbook's 48 columns ×
// 8,847 rows costs a small fraction of a generic XML decode. Anything else
// is errXLSXShape.
type xlsxBook struct {
	zr     *zip.ReadCloser
	sheets []xlsxSheetRef // in workbook order
	sst    []string       // shared strings
}

type xlsxSheetRef struct {
	name string
	file *zip.File
}

// openXLSX reads the workbook's sheet list and shared strings.
func openXLSX(name string) (*xlsxBook, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{zr: zr}
	if err := b.init(); err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

func (b *xlsxBook) Close() error { return b.zr.Close() }

func (b *xlsxBook) file(name string) *zip.File {
	for _, f := range b.zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func (b *xlsxBook) unmarshal(name string, v any) error {
	f := b.file(name)
	if f == nil {
		return fmt.Errorf("%w: no %s", errXLSXShape, name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%w: %s: %v", errXLSXShape, name, err)
	}
	return nil
}

func (b *xlsxBook) init() error {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := b.unmarshal("xl/workbook.xml", &wb); err != nil {
		return err
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := b.unmarshal("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	target := func(id string) string {
		for _, r := range rels.Rel {
			if r.ID == id {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/")
				}
				return path.Join("xl", r.Target)
			}
		}
		return ""
	}
	for _, s := range wb.Sheets {
		f := b.file(target(s.ID))
		if f == nil {
			return fmt.Errorf("%w: sheet %q has no part", errXLSXShape, s.Name)
		}
		b.sheets = append(b.sheets, xlsxSheetRef{s.Name, f})
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			return b.readSST(target(r.ID))
		}
	}
	return nil
}

// readSST reads the shared-string table: each <si> is its <t> text, or
// the <t> texts of its rich-text runs <r>, phonetic runs <rPh> left out.
func (b *xlsxBook) readSST(name string) error {
	f := b.file(name)
	if f == nil {
		return fmt.Errorf("%w: no %s", errXLSXShape, name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var (
		text  strings.Builder
		inSI  bool
		inT   bool
		inRPh int
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", errXLSXShape, name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				text.Reset()
			case "rPh":
				inRPh++
			case "t":
				inT = inSI && inRPh == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				inSI = false
				b.sst = append(b.sst, text.String())
			case "rPh":
				inRPh--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				text.Write(t)
			}
		}
	}
}

// sheetXML returns a worksheet's XML.
func (s xlsxSheetRef) sheetXML() ([]byte, error) {
	rc, err := s.file.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	size := s.file.UncompressedSize64
	if size > 1<<30 {
		return nil, fmt.Errorf("%w: worksheet %q of %d bytes", errXLSXShape, s.name, size)
	}
	// Read exactly the declared size, then to EOF so that zip checks the
	// size and CRC.
	buf := make([]byte, size)
	if _, err := io.ReadFull(rc, buf); err != nil {
		return nil, err
	}
	if n, err := rc.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return nil, fmt.Errorf("%w: worksheet %q: size or checksum mismatch (%v)", errXLSXShape, s.name, err)
	}
	return buf, nil
}

// xlsxRows scans the <row> elements of a worksheet's XML.
type xlsxRows struct {
	data  []byte
	pos   int
	sst   []string
	done  bool     // </sheetData> seen
	row   int      // worksheet row number (1-based) of the current row
	cells []string // values of the current row by column, reused
	err   error
}

func newXLSXRows(data []byte, sst []string) *xlsxRows {
	r := &xlsxRows{data: data, sst: sst}
	i := bytes.Index(data, []byte("<sheetData"))
	if i < 0 {
		r.err = fmt.Errorf("%w: no <sheetData>", errXLSXShape)
		return r
	}
	r.pos = i
	end, selfClosing, ok := r.tagEnd(i)
	if !ok {
		return r
	}
	r.pos, r.done = end, selfClosing
	return r
}

func (r *xlsxRows) fail(format string, args ...any) bool {
	if r.err == nil {
		r.err = fmt.Errorf("%w: row %d: %s", errXLSXShape, r.row, fmt.Sprintf(format, args...))
	}
	return false
}

// tagEnd returns the position after the '>' of the tag starting at i, and
// whether the tag closes itself.
func (r *xlsxRows) tagEnd(i int) (int, bool, bool) {
	j := bytes.IndexByte(r.data[i:], '>')
	if j < 0 {
		return 0, false, r.fail("unterminated tag")
	}
	j += i
	return j + 1, r.data[j-1] == '/', true
}

// attr returns the value of attribute name within the tag data[i:end].
func attr(tag []byte, name string) (string, bool) {
	for k := 0; ; {
		j := bytes.Index(tag[k:], []byte(name))
		if j < 0 {
			return "", false
		}
		j += k
		k = j + 1
		if j == 0 || (tag[j-1] != ' ' && tag[j-1] != '\t' && tag[j-1] != '\n' && tag[j-1] != '\r') {
			continue
		}
		rest := tag[j+len(name):]
		if len(rest) < 2 || rest[0] != '=' || (rest[1] != '"' && rest[1] != '\'') {
			continue
		}
		q := rest[1]
		e := bytes.IndexByte(rest[2:], q)
		if e < 0 {
			return "", false
		}
		return string(rest[2 : 2+e]), true
	}
}

// Next moves to the next <row>; false at </sheetData> or on error.
func (r *xlsxRows) Next() bool {
	if r.err != nil || r.done {
		return false
	}
	i := bytes.IndexByte(r.data[r.pos:], '<')
	if i < 0 {
		return r.fail("no </sheetData>")
	}
	i += r.pos
	switch name := tagName(r.data[i+1:]); name {
	case "/sheetData":
		r.done = true
		return false
	case "row":
	default:
		return r.fail("unexpected <%s> in <sheetData>", name)
	}
	end, selfClosing, ok := r.tagEnd(i)
	if !ok {
		return false
	}
	tag := r.data[i:end]
	r.pos = end
	if n, ok := attr(tag, "r"); ok {
		v, err := strconv.Atoi(n)
		if err != nil || v <= r.row {
			return r.fail("bad row number %q", n)
		}
		r.row = v
	} else {
		r.row++
	}
	clear(r.cells)
	r.cells = r.cells[:0]
	if selfClosing {
		return true
	}
	return r.readCells()
}

// tagName returns the element name at the start of b ("row", "/row").
func tagName(b []byte) string {
	n := 0
	if len(b) > 0 && b[0] == '/' {
		n++
	}
	for n < len(b) && b[n] != ' ' && b[n] != '>' && b[n] != '/' && b[n] != '\t' && b[n] != '\n' && b[n] != '\r' {
		n++
	}
	return string(b[:n])
}

// readCells reads the cells of the current row up to </row>.
func (r *xlsxRows) readCells() bool {
	col := -1
	for {
		i := bytes.IndexByte(r.data[r.pos:], '<')
		if i < 0 {
			return r.fail("no </row>")
		}
		i += r.pos
		name := tagName(r.data[i+1:])
		end, selfClosing, ok := r.tagEnd(i)
		if !ok {
			return false
		}
		r.pos = end
		switch name {
		case "/row":
			return true
		case "c":
		default:
			return r.fail("unexpected <%s> in <row>", name)
		}
		tag := r.data[i:end]
		if ref, ok := attr(tag, "r"); ok {
			c, ok := cellColumn(ref)
			if !ok || c <= col {
				return r.fail("bad cell reference %q", ref)
			}
			col = c
		} else {
			col++
		}
		if col >= 1<<14 {
			return r.fail("column %d out of range", col)
		}
		typ, _ := attr(tag, "t")
		var v string
		if !selfClosing {
			var ok bool
			if v, ok = r.cellValue(typ); !ok {
				return false
			}
		}
		for len(r.cells) <= col {
			r.cells = append(r.cells, "")
		}
		r.cells[col] = v
	}
}

// cellValue reads a cell's content up to </c> and returns its raw value.
func (r *xlsxRows) cellValue(typ string) (string, bool) {
	j := bytes.Index(r.data[r.pos:], []byte("</c>"))
	if j < 0 {
		return "", r.fail("no </c>")
	}
	body := r.data[r.pos : r.pos+j]
	r.pos += j + len("</c>")
	var text []byte
	switch typ {
	case "inlineStr":
		// <is><t>..</t></is> or rich-text runs <is><r><t>..</t></r>..</is>.
		for rest := body; ; {
			k := bytes.Index(rest, []byte("<t"))
			if k < 0 {
				break
			}
			rest = rest[k+2:]
			if len(rest) == 0 || (rest[0] != '>' && rest[0] != ' ' && rest[0] != '/') {
				continue // another element, <tag...>
			}
			gt := bytes.IndexByte(rest, '>')
			if gt < 0 {
				return "", r.fail("bad inline string")
			}
			if gt > 0 && rest[gt-1] == '/' {
				rest = rest[gt+1:] // <t/>
				continue
			}
			rest = rest[gt+1:]
			e := bytes.Index(rest, []byte("</t>"))
			if e < 0 {
				return "", r.fail("bad inline string")
			}
			text = append(text, rest[:e]...)
			rest = rest[e+len("</t>"):]
		}
		if bytes.Contains(body, []byte("<rPh")) {
			return "", r.fail("phonetic run in inline string")
		}
	default:
		k := bytes.Index(body, []byte("<v>"))
		if k < 0 {
			if bytes.Contains(body, []byte("<v")) {
				return "", r.fail("bad <v>")
			}
			return "", true // a formula without a cached value, say
		}
		e := bytes.Index(body[k:], []byte("</v>"))
		if e < 0 {
			return "", r.fail("no </v>")
		}
		text = body[k+3 : k+e]
	}
	if typ == "s" {
		n := 0
		for _, c := range text {
			if c < '0' || c > '9' || n > len(r.sst) {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if len(text) == 0 || n < 0 || n >= len(r.sst) {
			return "", r.fail("bad shared-string index %q", text)
		}
		return r.sst[n], true
	}
	s, ok := xmlUnescape(text)
	if !ok {
		return "", r.fail("bad character reference")
	}
	return s, true
}

// cellColumn returns the 0-based column of a cell reference ("AB12" → 27).
func cellColumn(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
		if col > 1<<14 {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col - 1, true
}

// xmlUnescape decodes the five predefined entities and character
// references; text without '&' is converted as is.
func xmlUnescape(b []byte) (string, bool) {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b), utf8.Valid(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			sb.Write(b)
			break
		}
		sb.Write(b[:i])
		b = b[i:]
		e := bytes.IndexByte(b, ';')
		if e < 0 {
			return "", false
		}
		ent := string(b[1:e])
		b = b[e+1:]
		switch ent {
		case "amp":
			sb.WriteByte('&')
		case "lt":
			sb.WriteByte('<')
		case "gt":
			sb.WriteByte('>')
		case "quot":
			sb.WriteByte('"')
		case "apos":
			sb.WriteByte('\'')
		default:
			if !strings.HasPrefix(ent, "#") {
				return "", false
			}
			base, digits := 10, ent[1:]
			if strings.HasPrefix(digits, "x") {
				base, digits = 16, digits[1:]
			}
			n, err := strconv.ParseUint(digits, base, 32)
			if err != nil || !utf8.ValidRune(rune(n)) {
				return "", false
			}
			sb.WriteRune(rune(n))
		}
	}
	s := sb.String()
	return s, utf8.ValidString(s)
}

package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// The load cache is a snapshot of the codes and releases one Load built,
// written next to the code sets so that the next process loads them
// without parsing the official files again.
//
// File layout (integers are unsigned varints unless noted):
//
//	magic "medcode corpus cache\n"
//	cacheVersion
//	key: 32 bytes, sha256 of everything the result depends on (cacheKey)
//	string table: count, the blob's length, the offset and length of
//	each string in the blob, then the blob (layoutStrings: a string
//	that is a prefix or suffix of another is a span of its bytes)
//	releases, codes and ICD-10-CM release memberships (cacheCodec),
//	strings as indexes into the table
//	CRC-32C of everything before it: 4 bytes, little-endian
//
// A file whose magic, version, key or checksum does not match, or that
// does not decode, is ignored and rewritten.
//
// The blob is most of the file (22 of 30 MB for the full code sets) and
// most of it is read rarely (notes, index paths, the titles of codes no
// note names). Where the platform maps files (mapfile_unix.go), the
// cache is mapped read-only and the Set's strings are read in place from
// the mapping, which stays for the life of the process; the rest is
// decoded into the heap and the mapping's pages are dropped from the
// resident set, so a page of strings is resident once a note reads it.
// The blob is then neither garbage-collected heap (22 MB less for the
// collector's goal and the memory limit's headroom) nor private memory.
// writeCache replaces the file by rename, so a mapped cache is never
// written under a reader; a file truncated in place by hand under a
// running process would fault it.

// cacheVersion changes whenever the layout or the meaning of the cached
// fields changes, or the parsers change what they make of the same input
// (the key holds the inputs and this version, not the executable: test
// binaries and bin/medcode share one cache). Version 2: several
// ICD-10-CM releases and their memberships. Version 3: Alphabetic Index
// cross-references as NameCrossRef names. Version 4: the string table
// as spans of a blob in which strings share bytes (layoutStrings).
const cacheVersion = 4

const cacheMagic = "medcode corpus cache\n"

// DefaultCacheName is the file Load writes its cache to inside the
// code-set directory when Options.CacheFile is "".
const DefaultCacheName = ".medcode-corpus.cache"

// cacheFile is where the load cache lives.
func (o Options) cacheFile() string {
	if o.CacheFile != "" {
		return o.CacheFile
	}
	return filepath.Join(o.dir(), DefaultCacheName)
}

// cacheKey hashes everything the loaded Set depends on: the cache version,
// the options, the absolute code-set directory (symbolic links resolved),
// and the name and contents of every input
// file Load would read. An error means the key cannot be told (an input
// is unreadable); Load then parses and reports what is wrong.
func cacheKey(dir string, files codeSetFiles, opts Options) ([]byte, error) {
	h := sha256.New()
	field := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	field(cacheMagic)
	field(strconv.Itoa(cacheVersion))
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	// The directory, not the path it was reached by: a code-set directory
	// reached through a symbolic link (a checkout's data link to a shared
	// one) keeps one cache rather than rewriting it for each path.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	field(abs)
	field(strconv.FormatBool(opts.OrderOnly))
	content := func(path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		field(strconv.FormatInt(fi.Size(), 10))
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		if n != fi.Size() {
			return fmt.Errorf("corpus: %s changed while hashed", path)
		}
		return nil
	}
	field(strconv.Itoa(len(files.orders)))
	for _, o := range files.orders {
		field(o.path)
		field(strconv.Itoa(o.year))
		field(strconv.FormatBool(o.april))
		if err := content(filepath.Join(dir, o.path)); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{files.tabular, files.index, files.eindex, files.neoplasm, files.drug, files.hcpcs} {
		field(name)
		if name == "" {
			continue
		}
		if err := content(filepath.Join(dir, name)); err != nil {
			return nil, err
		}
	}
	field(opts.CPTFile)
	if opts.CPTFile == "" {
		field(string(cptStarter))
	} else if err := content(opts.CPTFile); err != nil {
		return nil, err
	}
	field(strconv.Itoa(len(opts.SynonymFiles)))
	for _, f := range opts.SynonymFiles {
		field(f)
		if err := content(f); err != nil {
			return nil, err
		}
	}
	return h.Sum(nil), nil
}

// readCache returns the Set cached at path under key, or false when
// there is no usable cache.
func readCache(ctx context.Context, path string, key []byte) (*Set, bool) {
	if ctx.Err() != nil {
		return nil, false
	}
	b, err := mapFile(path)
	mapped := err == nil
	if !mapped {
		if b, err = os.ReadFile(path); err != nil {
			return nil, false
		}
	}
	set, err := decodeCache(b, key, mapped)
	if err != nil {
		if mapped {
			unmapFile(b)
		}
		return nil, false
	}
	if mapped {
		dropPages(b)
	}
	return set, true
}

// writeCache writes the snapshot atomically: a temporary file in the same
// directory renamed over path. Failures (a read-only data directory) are
// returned for tests; Load ignores them.
func writeCache(path string, key []byte, codes []*Code, rels []Release, ms []membership) (err error) {
	b, err := encodeCache(key, codes, rels, ms)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(b); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

var errBadCache = errors.New("corpus: bad cache")

// errNoMap: mapFile did not map the file (empty, too large, or a platform
// without mapping); the caller reads it instead.
var errNoMap = errors.New("corpus: file not mapped")

// encodeCache lays codes and releases out as described above.
func encodeCache(key []byte, codes []*Code, rels []Release, ms []membership) ([]byte, error) {
	var e cacheEncoder
	e.strs = make(map[string]uint32, 1<<16)
	if err := e.releases(rels); err != nil {
		return nil, err
	}
	if err := e.codes(codes); err != nil {
		return nil, err
	}
	e.memberships(ms)
	blob, spans := layoutStrings(e.list)
	out := make([]byte, 0, len(e.body)+len(blob)+12*len(e.list)+64)
	out = append(out, cacheMagic...)
	out = binary.AppendUvarint(out, cacheVersion)
	out = append(out, key...)
	out = binary.AppendUvarint(out, uint64(len(spans)))
	out = binary.AppendUvarint(out, uint64(len(blob)))
	for _, sp := range spans {
		out = binary.AppendUvarint(out, uint64(sp.off))
		out = binary.AppendUvarint(out, uint64(sp.len))
	}
	out = append(out, blob...)
	out = append(out, e.body...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli())), nil
}

// decodeCache checks the framing and key, then decodes into a Set. With
// inPlace, the Set's strings are read from b itself, which must then
// never change (a mapped file); else they are copied.
func decodeCache(b, key []byte, inPlace bool) (*Set, error) {
	if len(b) < len(cacheMagic)+1+len(key)+4 || string(b[:len(cacheMagic)]) != cacheMagic {
		return nil, errBadCache
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli()) != sum {
		return nil, errBadCache
	}
	d := cacheDecoder{b: body[len(cacheMagic):], inPlace: inPlace}
	if d.uvarint() != cacheVersion || len(d.b) < len(key) || !bytes.Equal(d.b[:len(key)], key) {
		return nil, errBadCache
	}
	d.b = d.b[len(key):]
	d.stringTable()
	rels := d.releases()
	set := d.set(rels)
	if d.err == nil && len(d.b) != 0 {
		d.err = errBadCache
	}
	if d.err != nil {
		return nil, d.err
	}
	return set, nil
}

func castagnoli() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) }

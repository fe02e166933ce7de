package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/gin-gonic/gin"
)

// TestCorkedAnswer: an answer past net/http's buffer, written corked on a
// TCP connection, arrives whole, answer after answer on one connection,
// and leaves the connection uncorked (on Linux, where it is corked).
func TestCorkedAnswer(t *testing.T) {
	big := gin.H{"s": strings.Repeat("x", 100<<10)}
	want, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	type after struct {
		corked bool
		cork   int
	}
	seen := make(chan after, 1)
	r := gin.New()
	r.GET("/", func(c *gin.Context) {
		k, _ := connOf(c.Request.Context())
		respond(c, http.StatusOK, big)
		a := after{corked: k != nil, cork: -1}
		if k != nil && runtime.GOOS == "linux" {
			_ = k.rc.Control(func(fd uintptr) {
				a.cork, _ = syscall.GetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK)
			})
		}
		seen <- a
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: r, ConnContext: connContext}
	go hs.Serve(ln)
	defer hs.Close()
	client := &http.Client{Transport: &http.Transport{}}
	for i := range 3 {
		resp, err := client.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || string(body) != string(want) {
			t.Fatalf("answer %d: %d bytes (%v), want %d", i, len(body), err, len(want))
		}
		a := <-seen
		if runtime.GOOS == "linux" && (!a.corked || a.cork != 0) {
			t.Fatalf("answer %d: corker %v, TCP_CORK %d after it", i, a.corked, a.cork)
		}
	}
}

// TestGatheredAnswer: on a connection of Listener's, answers short, past
// net/http's buffer by less than it and by much more arrive whole, answer
// after answer on one connection, and leave the connection holding
// nothing; the handler's context carries the connection, not a corker.
func TestGatheredAnswer(t *testing.T) {
	sizes := []int{100, 5 << 10, 100 << 10, 8<<10 - 300, 3 << 20}
	type after struct {
		gathered, holding bool
		held              int
	}
	seen := make(chan after, 1)
	r := gin.New()
	r.GET("/:i", func(c *gin.Context) {
		var i int
		fmt.Sscan(c.Param("i"), &i)
		k, g := connOf(c.Request.Context())
		respond(c, http.StatusOK, gin.H{"s": strings.Repeat("x", sizes[i])})
		a := after{gathered: g != nil && k == nil}
		if g != nil {
			a.holding, a.held = g.holding, len(g.held)+len(g.body)
			if g.copied != nil {
				a.held++
			}
		}
		seen <- a
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: r, ConnContext: connContext}
	go hs.Serve(Listener(ln))
	defer hs.Close()
	client := &http.Client{Transport: &http.Transport{}}
	for n := range 3 {
		for i, size := range sizes {
			want, _ := json.Marshal(gin.H{"s": strings.Repeat("x", size)})
			resp, err := client.Get(fmt.Sprint("http://", ln.Addr().String(), "/", i))
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil || string(body) != string(want) || resp.ContentLength != int64(len(want)) {
				t.Fatalf("round %d, answer of %d: %d bytes (%v), Content-Length %d, want %d", n, size, len(body), err, resp.ContentLength, len(want))
			}
			if a := <-seen; !a.gathered || a.holding || a.held != 0 {
				t.Fatalf("round %d, answer of %d: gathered %v, holding %v, %d held after it", n, size, a.gathered, a.holding, a.held)
			}
		}
	}
}

package server

import (
	"encoding/json"
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
		k := corkerOf(c.Request.Context())
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

package gatewaytest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

const token = "go-client-test-token"

// fixture is the gateway fixture process (//client_stubs/cpp:gateway_fixture_main,
// $PAYONE_GATEWAY_FIXTURE): the simulator and the gateway on loopback, a
// client token, 2 s of latency for references slow-*, restartable on the
// same ledger. Its stdout says the port; its stdin takes commands.
type fixture struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	answers *bufio.Scanner
	address string
}

func startFixture() (*fixture, error) {
	binary := os.Getenv("PAYONE_GATEWAY_FIXTURE")
	if binary == "" {
		binary, _ = filepath.Abs("../../../bazel-bin/client_stubs/cpp/gateway_fixture_main")
	}
	f := &fixture{cmd: exec.Command(binary, "--faults=latency=2s,reference=slow-*", "--token="+token)}
	f.cmd.Stderr = os.Stderr
	var err error
	if f.stdin, err = f.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := f.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := f.cmd.Start(); err != nil {
		return nil, err
	}
	f.answers = bufio.NewScanner(stdout)
	port, err := f.answer("listening")
	if err != nil {
		return nil, err
	}
	f.address = fmt.Sprintf("127.0.0.1:%d", port)
	return f, nil
}

func (f *fixture) answer(expected string) (int, error) {
	var event struct {
		Event string `json:"event"`
		Port  int    `json:"port"`
	}
	if !f.answers.Scan() {
		return 0, fmt.Errorf("the gateway fixture ended")
	}
	if err := json.Unmarshal(f.answers.Bytes(), &event); err != nil || event.Event != expected {
		return 0, fmt.Errorf("gateway fixture: %q, want %s", f.answers.Text(), expected)
	}
	return event.Port, nil
}

func (f *fixture) command(t *testing.T, line, expected string) {
	t.Helper()
	if _, err := fmt.Fprintln(f.stdin, line); err != nil {
		t.Fatal(err)
	}
	if _, err := f.answer(expected); err != nil {
		t.Fatal(err)
	}
}

// restart kills the gateway and starts it again on the same port and ledger.
func (f *fixture) restart(t *testing.T) { f.command(t, "restart", "restarted") }

func (f *fixture) addFault(t *testing.T, rule string) { f.command(t, "fault "+rule, "fault_added") }

func (f *fixture) close() {
	f.stdin.Close()
	f.cmd.Wait()
}

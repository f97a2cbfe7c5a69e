#!/usr/bin/env python3
"""A real SMTP server for tests (loopback only): every message received is written to FOLDER as a .eml file,
headed by X-Envelope-From and X-Envelope-To, under a temporary name and then renamed (readers never see half a
message).

Standard library only (socketserver + ssl; smtpd is gone from Python 3.12). Options beyond --port/--folder let a test
play the servers it meets in deployment:
  --starttls CERT KEY     offer STARTTLS (the submission port 587)
  --implicit-tls CERT KEY TLS from the first byte (port 465)
  --user U --password P   require AUTH PLAIN or LOGIN before MAIL
  --delay-ms N            store each message, then wait N ms before confirming it (a slow server; a client killed in
                          that window has delivered a message it never saw confirmed)
  --reject-after N        accept N messages, then refuse every further recipient with 550 (a dead letter)
"""
import argparse, base64, os, socketserver, ssl, sys, threading, time, uuid

MAX_LINE = 1000 * 1000


class Session(socketserver.StreamRequestHandler):
    timeout = 120

    def setup(self):
        cfg = self.server.cfg
        self.request.settimeout(self.timeout)
        if cfg.implicit_tls:
            self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        super().setup()
        self.tls = bool(cfg.implicit_tls)
        self.authenticated = cfg.user is None
        self.reset()

    def reset(self):
        self.mail_from = None
        self.rcpt = []

    def reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")
        self.wfile.flush()

    def line(self):
        data = self.rfile.readline(MAX_LINE)
        if not data:
            raise EOFError
        return data.rstrip(b"\r\n").decode("utf-8", "replace")

    def handle(self):
        try:
            self.reply("220 qms-test-sink ESMTP ready")
            while True:
                command = self.line()
                verb, _, arg = command.partition(" ")
                verb = verb.upper()
                handler = getattr(self, "do_" + verb, None)
                if handler is None:
                    self.reply("502 5.5.2 Command not recognised")
                elif handler(arg.strip()) == "quit":
                    return
        except (EOFError, ConnectionError, ssl.SSLError, OSError):
            return

    def do_HELO(self, arg):
        self.reset()
        self.reply("250 qms-test-sink")

    def do_EHLO(self, arg):
        self.reset()
        cfg = self.server.cfg
        lines = ["qms-test-sink", "8BITMIME", "SMTPUTF8", "SIZE 52428800"]
        if cfg.starttls and not self.tls:
            lines.append("STARTTLS")
        if cfg.user is not None:
            lines.append("AUTH PLAIN LOGIN")
        for i, text in enumerate(lines):
            self.reply(("250 " if i == len(lines) - 1 else "250-") + text)

    def do_STARTTLS(self, arg):
        if not self.server.cfg.starttls or self.tls:
            self.reply("454 4.7.0 TLS not available")
            return
        self.reply("220 2.0.0 Ready to start TLS")
        self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        self.rfile = self.request.makefile("rb")
        self.wfile = self.request.makefile("wb")
        self.tls = True
        self.reset()

    def do_AUTH(self, arg):
        cfg = self.server.cfg
        if cfg.user is None:
            self.reply("503 5.5.1 AUTH not offered")
            return
        mechanism, _, initial = arg.partition(" ")
        mechanism = mechanism.upper()
        try:
            if mechanism == "PLAIN":
                if not initial:
                    self.reply("334 ")
                    initial = self.line()
                _, user, password = base64.b64decode(initial).decode().split("\0")
            elif mechanism == "LOGIN":
                if initial:
                    user = base64.b64decode(initial).decode()
                else:
                    self.reply("334 " + base64.b64encode(b"Username:").decode())
                    user = base64.b64decode(self.line()).decode()
                self.reply("334 " + base64.b64encode(b"Password:").decode())
                password = base64.b64decode(self.line()).decode()
            else:
                self.reply("504 5.5.4 Unrecognised authentication type")
                return
        except ValueError:
            self.reply("501 5.5.2 Cannot decode response")
            return
        if user == cfg.user and password == cfg.password:
            self.authenticated = True
            self.reply("235 2.7.0 Authentication successful")
        else:
            self.reply("535 5.7.8 Authentication credentials invalid")

    def do_MAIL(self, arg):
        if not self.authenticated:
            self.reply("530 5.7.0 Authentication required")
            return
        if not arg.upper().startswith("FROM:"):
            self.reply("501 5.5.4 Syntax: MAIL FROM:<address>")
            return
        self.mail_from = address(arg[5:])
        self.rcpt = []
        self.reply("250 2.1.0 OK")

    def do_RCPT(self, arg):
        if self.mail_from is None:
            self.reply("503 5.5.1 MAIL first")
            return
        if not arg.upper().startswith("TO:"):
            self.reply("501 5.5.4 Syntax: RCPT TO:<address>")
            return
        limit = self.server.cfg.reject_after
        if limit is not None and self.server.accepted >= limit:
            self.reply(f"550 5.7.1 Rejected by the test server: it accepts {limit} messages only")
            return
        self.rcpt.append(address(arg[3:]))
        self.reply("250 2.1.5 OK")

    def do_DATA(self, arg):
        if not self.rcpt:
            self.reply("503 5.5.1 RCPT first")
            return
        self.reply("354 End data with <CR><LF>.<CR><LF>")
        chunks = []
        while True:
            data = self.rfile.readline(MAX_LINE)
            if not data:
                raise EOFError
            if data in (b".\r\n", b".\n"):
                break
            chunks.append(data[1:] if data.startswith(b".") else data)  # dot-unstuffing (RFC 5321 4.5.2)
        self.server.store(self.mail_from, self.rcpt, b"".join(chunks))
        if self.server.cfg.delay_ms:
            time.sleep(self.server.cfg.delay_ms / 1000)
        self.reply("250 2.0.0 OK: queued")
        self.reset()

    def do_RSET(self, arg):
        self.reset()
        self.reply("250 2.0.0 OK")

    def do_NOOP(self, arg):
        self.reply("250 2.0.0 OK")

    def do_QUIT(self, arg):
        self.reply("221 2.0.0 Bye")
        return "quit"


def address(text):
    text = text.strip()
    if text.startswith("<"):
        text = text[1:text.find(">")] if ">" in text else text[1:]
    return text.split(" ")[0]


class Sink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, cfg):
        super().__init__(("127.0.0.1", cfg.port), Session)
        self.cfg = cfg
        self.accepted = 0
        self.lock = threading.Lock()
        self.tls = None
        pair = cfg.starttls or cfg.implicit_tls
        if pair:
            self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.tls.load_cert_chain(pair[0], pair[1])

    def handle_error(self, request, client_address):
        pass  # a client that gives up mid-handshake (a plain client on the TLS port) is what some tests do on purpose

    def store(self, mail_from, rcpt, data):
        name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.eml"
        tmp = os.path.join(self.cfg.folder, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(b"X-Envelope-From: " + mail_from.encode() + b"\r\n")
            f.write(b"X-Envelope-To: " + ",".join(rcpt).encode() + b"\r\n")
            f.write(data)
        os.replace(tmp, os.path.join(self.cfg.folder, name))  # readers never see half a message
        with self.lock:
            self.accepted += 1


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--folder", required=True)
    tls = p.add_mutually_exclusive_group()
    tls.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    tls.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--delay-ms", type=int, default=0)
    p.add_argument("--reject-after", type=int)
    a = p.parse_args()
    if (a.user is None) != (a.password is None):
        p.error("--user and --password go together")
    os.makedirs(a.folder, exist_ok=True)
    server = Sink(a)
    print(f"smtp-sink listening on 127.0.0.1:{a.port}, writing to {a.folder}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass

#!/usr/bin/env python3
"""A real SMTP server for tests (loopback only): every message received is written to FOLDER as a .eml file.

Uses the standard library's smtpd (Python 3.11; removed in 3.12 — replace with aiosmtpd there)."""
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)  # smtpd/asyncore: fine on the machines' Python 3.11

import argparse, asyncore, os, smtpd, time, uuid  # noqa: E402

class Sink(smtpd.SMTPServer):
    def __init__(self, port, folder):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.folder = folder

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.eml"
        tmp = os.path.join(self.folder, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(b"X-Envelope-From: " + mailfrom.encode() + b"\r\n")
            f.write(b"X-Envelope-To: " + ",".join(rcpttos).encode() + b"\r\n")
            f.write(data)
        os.replace(tmp, os.path.join(self.folder, name))  # readers never see half a message

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--folder", required=True)
    a = p.parse_args()
    os.makedirs(a.folder, exist_ok=True)
    Sink(a.port, a.folder)
    asyncore.loop()

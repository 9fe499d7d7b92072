#!/usr/bin/env python3
"""A misbehaving gdbstub for xtrace's error tests: MODE close | badxml | silent, on a unix socket PATH."""
import os
import socket
import sys

mode, path = sys.argv[1], sys.argv[2]
if os.path.exists(path):
    os.unlink(path)
srv = socket.socket(socket.AF_UNIX)
srv.bind(path)
srv.listen(1)
srv.settimeout(30)
conn, _ = srv.accept()
if mode == "close":
    conn.close()
    sys.exit(0)


def reply(payload):
    data = payload.encode()
    conn.sendall(b"$" + data + b"#%02x" % (sum(data) & 0xFF))


buf = b""
while True:
    try:
        d = conn.recv(4096)
    except OSError:
        break
    if not d:
        break
    buf += d
    while b"#" in buf and b"$" in buf:
        start = buf.index(b"$")
        end = buf.index(b"#", start)
        if len(buf) < end + 3:
            break
        pkt = buf[start + 1:end].decode()
        buf = buf[end + 3:]
        conn.sendall(b"+")
        if mode == "silent":
            continue
        if pkt.startswith("qSupported"):
            reply("PacketSize=1000;qXfer:features:read+")
        elif pkt.startswith("qXfer:features:read:target.xml"):
            reply("l<?xml version=\"1.0\"?><target><architecture>arm</architecture><feature name=\"x\"><reg name=")
        elif pkt == "?":
            reply("S05")
        elif pkt.startswith("m"):
            n = int(pkt.split(",")[1], 16)
            reply("ab" * n)
        elif pkt.startswith("D"):
            reply("OK")
        else:
            reply("")

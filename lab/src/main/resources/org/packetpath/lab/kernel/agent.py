"""PacketPath kernel lab agent (Python 3 standard library only).

Started by org.packetpath.lab.kernel.KernelLab inside the firewall's network namespace, it
holds every socket the lab needs for as long as the lab lives, so that sending a packet costs
no new process:

  * one AF_PACKET socket per peer namespace, bound to the peer's end of a veth pair: it injects
    frames towards the firewall and captures the frames the firewall sends out of that link;
  * a raw IPv4 socket (IP_HDRINCL) in the firewall namespace for packets the firewall sends
    itself;
  * a listening TCP or bound UDP socket for each service of the topology.

Protocol (org.packetpath.lab.kernel.Protocol). Requests are JSON objects, one per line on
stdin, naming their operation in "op". Every reply is one JSON object on one line of stdout:
what the operation answers, or {"error": message} when the request failed. Members that do not
apply are left out. The agent exits at the end of its input.
"""

import ctypes
import json
import os
import select
import socket
import struct
import subprocess
import sys
import time

CLONE_NEWNET = 0x40000000
ETH_P_IP = 0x0800
PACKET_OUTGOING = 4
SOL_PACKET = 263
PACKET_IGNORE_OUTGOING = 23
SO_MARK = 36
SO_TIMESTAMPNS = 35

LIBC = ctypes.CDLL(None, use_errno=True)


def setns(fd):
    if LIBC.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, "setns: " + os.strerror(err))


class Agent:
    def __init__(self):
        self.home = os.open("/proc/self/ns/net", os.O_RDONLY)
        self.captures = {}
        self.services = {"tcp": [], "udp": []}
        self.listeners = []
        self.raw = None
        self.raw_mark = 0
        self.settle = 0.01
        self.limit = 0.5
        self.snapshot = []

    def in_ns(self, name, action):
        """Runs action() with the calling thread in network namespace `name` (None: home)."""
        if not name:
            return action()
        fd = os.open("/run/netns/" + name, os.O_RDONLY)
        try:
            setns(fd)
            try:
                return action()
            finally:
                setns(self.home)
        finally:
            os.close(fd)

    # Requests -------------------------------------------------------------------------------

    def op_config(self, req):
        self.settle = req["settleMillis"] / 1000.0
        self.limit = req["limitMillis"] / 1000.0
        self.snapshot = req["snapshot"]
        return {}

    def op_sysctl(self, req):
        def write():
            for key, value in req["values"]:
                try:
                    with open("/proc/sys/" + key, "w") as f:
                        f.write(str(value))
                except FileNotFoundError:
                    if not req.get("optional"):
                        raise
        self.in_ns(req.get("ns"), write)
        return {}

    def op_capture(self, req):
        def open_socket():
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_IP))
            try:
                s.setsockopt(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1)
            except OSError:
                pass  # older kernels: outgoing frames are skipped by their packet type below
            s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
            s.bind((req["device"], ETH_P_IP))
            s.setblocking(False)
            return s
        self.captures[req["name"]] = self.in_ns(req["ns"], open_socket)
        return {}

    def op_services(self, req):
        self.services = {"tcp": req["tcp"], "udp": req["udp"]}
        self.open_services()
        self.raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
        self.raw.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        return {}

    def open_services(self):
        for port in self.services["tcp"]:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("0.0.0.0", port))
            s.listen(128)
            self.listeners.append(s)
        for port in self.services["udp"]:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("0.0.0.0", port))
            self.listeners.append(s)

    def op_recycle(self, req):
        """Forgets every connection the services had and every frame not yet read."""
        for s in self.listeners:
            s.close()
        self.listeners = []
        self.open_services()
        self.drain()
        return {}

    def op_exec(self, req):
        rc, out, err = self.run(req["argv"], req.get("stdin", ""))
        return {"rc": rc, "out": out, "err": err}

    def op_read(self, req):
        try:
            with open(req["path"]) as f:
                return {"text": f.read()}
        except FileNotFoundError:
            return {"text": ""}

    def op_send(self, req):
        self.drain()
        error = ""
        payload = bytes.fromhex(req["bytes"])
        try:
            if req.get("via"):
                self.captures[req["via"]].send(payload)
            else:
                mark = req.get("mark", 0)
                if mark != self.raw_mark:
                    self.raw.setsockopt(socket.SOL_SOCKET, SO_MARK, mark)
                    self.raw_mark = mark
                self.raw.sendto(payload, (req["destination"], 0))
        except OSError as e:
            error = e.strerror or str(e)
        frames = [{"via": name, "hex": data.hex()} for _, _, name, data in self.collect()]
        snapshot = [{"rc": rc, "out": out, "err": err}
                    for rc, out, err in self.run_all(self.snapshot)]
        return {"frames": frames, "sendError": error, "snapshot": snapshot}

    # Helpers ------------------------------------------------------------------------------

    def drain(self):
        for s in self.captures.values():
            while True:
                try:
                    s.recv(65536)
                except BlockingIOError:
                    break

    def collect(self):
        """Reads frames until no frame has come for the settle time (at most limit in all)."""
        poller = select.poll()
        names = {}
        for name, s in self.captures.items():
            poller.register(s.fileno(), select.POLLIN)
            names[s.fileno()] = (name, s)
        frames = []
        order = 0
        deadline = time.monotonic() + self.limit
        while True:
            timeout = min(self.settle, deadline - time.monotonic())
            if timeout <= 0 or not poller.poll(timeout * 1000):
                break
            for fd, (name, s) in names.items():
                while True:
                    try:
                        data, anc, _, addr = s.recvmsg(65536, socket.CMSG_SPACE(16))
                    except BlockingIOError:
                        break
                    if addr[2] == PACKET_OUTGOING:
                        continue
                    stamp = 0
                    for level, kind, value in anc:
                        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS:
                            sec, nsec = struct.unpack("qq", value[:16])
                            stamp = sec * 1000000000 + nsec
                    frames.append((stamp, order, name, data))
                    order += 1
        frames.sort(key=lambda f: (f[0], f[1]))
        return frames

    def run(self, argv, stdin=""):
        p = subprocess.run(argv, input=stdin, capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr

    def run_all(self, commands):
        """Runs the commands side by side and returns (rc, out, err) of each, in order.

        A command with "unlessZero" is skipped, as if it printed nothing, while the file named
        there holds 0 (conntrack -L walks the whole, host-wide hash table: milliseconds even
        when this namespace has no connection).
        """
        procs = []
        for command in commands:
            if command.get("unlessZero") and self.is_zero(command["unlessZero"]):
                procs.append(None)
                continue
            procs.append(subprocess.Popen(command["argv"], stdin=subprocess.DEVNULL,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True))
        results = []
        for p in procs:
            if p is None:
                results.append((0, "", ""))
                continue
            out, err = p.communicate()
            results.append((p.returncode, out, err))
        return results

    @staticmethod
    def is_zero(path):
        try:
            with open(path) as f:
                return f.read().strip() == "0"
        except OSError:
            return False


def write_reply(out, reply):
    """Writes reply as one line: JSON escapes every line break (and, ASCII only, the rest)."""
    out.write((json.dumps(reply) + "\n").encode("ascii"))
    out.flush()


def main():
    agent = Agent()
    out = sys.stdout.buffer
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        try:
            req = json.loads(line)
            handler = getattr(agent, "op_" + req["op"], None)
            if handler is None:
                raise ValueError("unknown request " + req["op"])
            reply = handler(req)
        except Exception as e:  # every failure is answered; the lab decides what it means
            reply = {"error": "%s: %s" % (type(e).__name__, e)}
        write_reply(out, reply)


if __name__ == "__main__":
    main()

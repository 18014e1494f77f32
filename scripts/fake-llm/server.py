#!/usr/bin/env python3
"""A loopback OpenAI-compatible LLM server for Quorum's tests and benchmarks.

Python 3 standard library only. Prints "LISTENING <port>" as its first line, then serves until
its stdin closes, its parent dies, or --max-requests / --max-seconds run out. The first path
segment may name a behaviour (http://127.0.0.1:PORT/<mode>/v1/...); see README.md.
"""

import argparse
import collections
import hashlib
import http.server
import json
import os
import re
import select
import socket
import stat
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import content  # noqa: E402

# Modes and how many times per prompt they misbehave before answering normally (None: always).
FAULT_MODES = {
    "ok": 0,
    "error500": None,
    "busy429": 1,
    "unavailable503": None,
    "hang": None,
    "stall": None,
    "malformed": None,
    "cut": None,
    "empty": None,
    "ignorestop": None,
    "nostream": None,
    "echoauth": None,
    "filtered": None,
    "escapes": None,
    "echokey": None,
    "echokeyjson": None,
}
# A mode, an optional argument (`echokey_290`: the key at offset 290) and an optional fault limit.
MODE_SEGMENT = re.compile(r"^([a-z0-9]+?)(?:_(\d+))?(?:-(\d+|always))?$")
# The end of a step-1 prompt: the number the next instruction gets.
NEXT_INSTRUCTION = re.compile(r"\n(\d+)\.\s*$")
# Terminal control sequences: retitle the window (OSC 0), write the clipboard (OSC 52), clear the screen.
HOSTILE_BODY = b"the model failed \x1b]0;pwned-title\x07 \x1b]52;c;cHduZWQ=\x07 \x1b[2J\x1b[H after the escapes"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port to bind on 127.0.0.1 (0: any free port)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated content")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer starts")
    parser.add_argument("--token-delay", type=float, default=0.0, help="seconds between streamed chunks")
    parser.add_argument("--chunk-chars", type=int, default=4, help="largest streamed chunk, in characters")
    parser.add_argument("--retry-after", type=str, default="1", help="Retry-After sent with 429 and 503")
    parser.add_argument("--api-key", type=str, default=None,
                        help="require 'Authorization: Bearer KEY' on /v1 requests")
    parser.add_argument("--script", type=str, default=None,
                        help='JSON list of {"match": regex, "text": "..."} overriding the content')
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="exit after this many requests")
    parser.add_argument("--max-seconds", type=float, default=3600.0, help="exit after this many seconds")
    parser.add_argument("--ignore-stdin", action="store_true",
                        help="keep running when a piped stdin closes")
    parser.add_argument("--verbose", action="store_true", help="log each request to stderr")
    return parser.parse_args(argv)


class Statistics:
    """What tests ask /stats about. Never holds request headers (so never an API key)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.in_flight = 0
        self.fault_counts = collections.Counter()
        self.reset()

    def reset(self):
        """Zeroes the counters; requests in flight stay counted."""
        with self.lock:
            self.requests = 0
            self.completions = 0
            self.max_in_flight = self.in_flight
            self.finished = 0
            self.aborted = 0
            self.by_mode = collections.Counter()
            self.recent = collections.deque(maxlen=200)

    def begin(self, mode, path, body):
        with self.lock:
            self.requests += 1
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.by_mode[mode] += 1
            if body is not None:
                self.completions += 1
                self.recent.append({"mode": mode, "path": path, "body": body})
            return self.requests

    def end(self, aborted):
        with self.lock:
            self.in_flight -= 1
            if aborted:
                self.aborted += 1
            else:
                self.finished += 1

    def should_fault(self, mode, limit, prompt):
        """Whether this request misbehaves: `limit` times per prompt, or always when None."""
        if limit is None:
            return True
        key = (mode, hashlib.sha256(prompt.encode("utf-8")).hexdigest())
        with self.lock:
            if self.fault_counts[key] < limit:
                self.fault_counts[key] += 1
                return True
            return False

    def snapshot(self):
        with self.lock:
            return {
                "requests": self.requests,
                "completions": self.completions,
                "in_flight": self.in_flight,
                "max_in_flight": self.max_in_flight,
                "finished": self.finished,
                "aborted": self.aborted,
                "by_mode": dict(self.by_mode),
            }


class ClientGone(Exception):
    """The client closed the connection."""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-llm/1"

    # Plumbing ----------------------------------------------------------------------------------

    def setup(self):
        super().setup()
        # Streams are many small writes: without this, Nagle's algorithm and the client's delayed
        # acknowledgements add tens of milliseconds to each answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):
        if self.server.options.verbose:
            sys.stderr.write("fake-llm: " + (format % args) + "\n")

    def route(self):
        """(mode, fault limit, path below the mode) or None for a bad mode; the mode's argument
        goes to `self.mode_argument`."""
        self.mode_argument = None
        path = self.path.split("?", 1)[0]
        segments = [s for s in path.split("/") if s]
        if segments and segments[0] not in ("v1", "health", "stats", "requests"):
            found = MODE_SEGMENT.match(segments[0])
            if not found or found.group(1) not in FAULT_MODES:
                return None
            mode = found.group(1)
            self.mode_argument = None if found.group(2) is None else int(found.group(2))
            count = found.group(3)
            limit = FAULT_MODES[mode] if count is None else (None if count == "always" else int(count))
            return mode, limit, "/" + "/".join(segments[1:])
        return "ok", 0, "/" + "/".join(segments)

    answer_started = False

    def send_response(self, code, message=None):
        self.answer_started = True
        super().send_response(code, message)

    def send_json(self, status, payload, headers=()):
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.write(body)

    def send_error_json(self, status, message, headers=()):
        self.send_json(status, {"error": {"message": message, "type": "fake_llm_error", "code": status}}, headers)

    def send_raw(self, status, content_type, data):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.write(data)

    def echo_key(self, as_json, streamed):
        """The request's key (without `Bearer `) at offset `mode_argument` of the answer: a 401
        body (`echokey`), or an unparsable JSON event of a 200 answer (`echokeyjson`)."""
        key = self.headers.get("Authorization", "").removeprefix("Bearer ")
        padding = "k" * (self.mode_argument or 0)
        text = (padding + key + " was the key you sent").encode("utf-8")
        if not as_json:
            return self.send_raw(401, "text/plain", text)
        if not streamed:
            return self.send_raw(200, "application/json", text)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.write_chunk(b"data: " + text + b"\n\n")
        self.write_chunk(b"data: [DONE]\n\n")
        self.write(b"0\r\n\r\n")

    def write(self, data):
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as error:
            raise ClientGone() from error

    def write_chunk(self, data):
        self.write(b"%x\r\n%s\r\n" % (len(data), data))

    def client_gone(self):
        """Whether the client has closed its end (it sends nothing else while it awaits an answer)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def wait(self, seconds):
        """Sleeps `seconds`, raising ClientGone as soon as the client disconnects."""
        deadline = time.monotonic() + seconds
        while True:
            remaining = deadline - time.monotonic()
            if self.client_gone():
                raise ClientGone()
            if remaining <= 0:
                return
            time.sleep(min(remaining, 0.02))

    def wait_for_disconnect(self):
        while not self.client_gone():
            time.sleep(0.02)
        raise ClientGone()

    # Routes ------------------------------------------------------------------------------------

    def do_GET(self):
        routed = self.route()
        if routed is None:
            return self.send_error_json(404, "unknown mode in %s" % self.path)
        _, _, path = routed
        if path == "/health":
            return self.send_json(200, {"status": "ok"})
        if path == "/stats":
            return self.send_json(200, self.server.statistics.snapshot())
        if path == "/requests":
            with self.server.statistics.lock:
                recent = list(self.server.statistics.recent)
            return self.send_json(200, recent)
        if path == "/v1/models":
            return self.send_json(200, {"object": "list", "data": [
                {"id": "fake-llm", "object": "model", "created": 0, "owned_by": "quorum"}]})
        self.send_error_json(404, "no such path: %s" % self.path)

    def do_POST(self):
        self.answer_started = False
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        routed = self.route()
        if routed is None:
            return self.send_error_json(404, "unknown mode in %s" % self.path)
        mode, limit, path = routed
        if path == "/stats/reset":
            self.server.statistics.reset()
            return self.send_json(200, {"reset": True})
        if path not in ("/v1/completions", "/v1/chat/completions"):
            return self.send_error_json(404, "no such path: %s" % self.path)
        try:
            body = json.loads(raw.decode("utf-8") or "null")
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        number = self.server.statistics.begin(mode, path, body)
        aborted = False
        try:
            self.complete(mode, limit, path, body)
        except ClientGone:
            aborted = True
            self.close_connection = True
        except Exception as error:  # a bug here must not look like a network fault
            self.close_connection = True
            if not self.answer_started:
                self.send_error_json(500, "fake-llm failed: %r" % error)
            raise
        finally:
            self.server.statistics.end(aborted)
            if number >= self.server.options.max_requests:
                self.server.exhausted.set()

    # Completions -------------------------------------------------------------------------------

    def complete(self, mode, limit, path, body):
        chat = path.endswith("/chat/completions")
        if not isinstance(body, dict):
            return self.send_error_json(400, "the body is not a JSON object")
        if chat and not isinstance(body.get("messages"), list):
            return self.send_error_json(400, "messages is required")
        if not chat and not isinstance(body.get("prompt"), str):
            return self.send_error_json(400, "prompt is required")
        key = self.server.options.api_key
        if mode == "echoauth":
            return self.send_error_json(401, "rejected credentials: %s" % self.headers.get("Authorization", ""))
        if mode in ("echokey", "echokeyjson"):
            return self.echo_key(mode == "echokeyjson", bool(body.get("stream")))
        if key is not None and self.headers.get("Authorization") != "Bearer " + key:
            return self.send_error_json(401, "invalid API key")

        prompt = prompt_of(body, chat)
        faulty = mode != "ok" and self.server.statistics.should_fault(mode, limit, prompt)
        options = self.server.options
        retry_after = [("Retry-After", options.retry_after)]
        if faulty and mode == "hang":
            return self.wait_for_disconnect()
        self.wait(options.latency)
        if faulty and mode == "busy429":
            return self.send_error_json(429, "the server is busy", retry_after)
        if faulty and mode == "unavailable503":
            return self.send_error_json(503, "the model is loading", retry_after)
        if faulty and mode == "error500":
            return self.send_error_json(500, "the model crashed")
        if faulty and mode == "escapes":
            return self.send_raw(500, "text/plain", HOSTILE_BODY)

        model = str(body.get("model") or "fake-llm")
        stops = body.get("stop") or []
        if isinstance(stops, str):
            stops = [stops]
        temperature = body.get("temperature")
        temperature = 1.0 if not isinstance(temperature, (int, float)) else temperature
        text = "" if faulty and mode == "empty" else self.server.scripted(prompt)
        if text is None and faulty and mode == "filtered":
            text = filtered_instructions(prompt)
        if text is None:
            text = content.generate(prompt, model, temperature, options.seed, body.get("seed"))
        finish = "stop"
        if faulty and mode == "ignorestop":
            if stops and not any(stop in text for stop in stops):
                text = text + stops[0]
            text = text + "\n" + content.ramble(prompt)
        else:
            cut = min((text.find(s) for s in stops if s and s in text), default=-1)
            if cut >= 0:
                text = text[:cut]
        chunks = split_chunks(text, options.chunk_chars, prompt)
        max_tokens = body.get("max_tokens")
        if isinstance(max_tokens, int) and 0 <= max_tokens < len(chunks):
            chunks = chunks[:max_tokens]
            finish = "length"
        usage = {"prompt_tokens": (len(prompt) + 3) // 4, "completion_tokens": len(chunks)}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        answer = Answer(chat, model, chunks, finish, usage)

        fault = mode if faulty else None
        if body.get("stream") is True and fault != "nostream":
            self.answer_streamed(answer, fault)
        else:
            self.answer_whole(answer, fault)

    def answer_whole(self, answer, fault):
        if fault == "malformed":
            data = b'{"choices": [{"text": "an answer that never ends'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            return self.write(data)
        data = json.dumps(answer.whole()).encode("utf-8")
        if fault == "cut":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.write(data[: len(data) // 2])
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.write(data)

    def answer_streamed(self, answer, fault):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        delay = self.server.options.token_delay
        events = answer.events()
        if fault == "cut":
            events = events[: max(1, len(events) // 2)]
        for index, event in enumerate(events):
            if fault == "malformed" and index == min(2, len(events) - 1):
                self.write_chunk(b'data: {"choices": [{"text": "oops"\n\n')
            if fault == "stall" and index == min(2, len(events) - 1):
                self.wait_for_disconnect()
            self.write_chunk(b"data: " + json.dumps(event).encode("utf-8") + b"\n\n")
            if delay > 0:
                self.wait(delay)
            elif self.client_gone():
                raise ClientGone()
        if fault == "cut":
            # End the connection in the middle of the chunked body: no [DONE], no final chunk.
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # the client went first
            return
        self.write_chunk(b"data: [DONE]\n\n")
        self.write(b"0\r\n\r\n")


class Answer:
    """One completion in the OpenAI shapes, whole or as stream chunks."""

    def __init__(self, chat, model, chunks, finish, usage):
        self.chat = chat
        self.model = model
        self.chunks = chunks
        self.finish = finish
        self.usage = usage
        self.created = int(time.time())
        self.id = ("chatcmpl-" if chat else "cmpl-") + hashlib.sha256("".join(chunks).encode()).hexdigest()[:16]

    def frame(self, choice, streamed):
        kind = "chat.completion" if self.chat else "text_completion"
        if self.chat and streamed:
            kind += ".chunk"
        return {"id": self.id, "object": kind, "created": self.created, "model": self.model, "choices": [choice]}

    def whole(self):
        text = "".join(self.chunks)
        if self.chat:
            choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": self.finish}
        else:
            choice = {"index": 0, "text": text, "logprobs": None, "finish_reason": self.finish}
        payload = self.frame(choice, False)
        payload["usage"] = self.usage
        return payload

    def events(self):
        events = []
        if self.chat:
            events.append(self.frame({"index": 0, "delta": {"role": "assistant", "content": ""},
                                      "finish_reason": None}, True))
        for piece in self.chunks:
            if self.chat:
                choice = {"index": 0, "delta": {"content": piece}, "finish_reason": None}
            else:
                choice = {"index": 0, "text": piece, "logprobs": None, "finish_reason": None}
            events.append(self.frame(choice, True))
        last = {"index": 0, "delta": {}, "finish_reason": self.finish} if self.chat else \
            {"index": 0, "text": "", "logprobs": None, "finish_reason": self.finish}
        final = self.frame(last, True)
        final["usage"] = self.usage
        events.append(final)
        return events


def prompt_of(body, chat):
    if not chat:
        return body.get("prompt", "")
    messages = [m for m in body.get("messages", []) if isinstance(m, dict)]
    users = [str(m.get("content", "")) for m in messages if m.get("role") == "user"]
    return users[-1] if users else "\n\n".join(str(m.get("content", "")) for m in messages)


def filtered_instructions(prompt):
    """For a step-1 prompt, instructions every Self-Instruct filter run drops (too short, a
    blacklisted word, "Write a program"); None for any other prompt."""
    found = NEXT_INSTRUCTION.search(prompt)
    if not found:
        return None
    marker = " |EoS|" if "|EoS|" in prompt else ""
    number = int(found.group(1))
    return (" Translate.%s\n%d. Draw an image of a quiet harbour at dawn.%s\n%d. Write a program that sorts ten numbers.%s"
            % (marker, number + 1, marker, number + 2, marker))


def split_chunks(text, largest, prompt):
    """Pieces of 1 to `largest` characters, the same for the same text and prompt."""
    rng = content.rng_for("chunks", prompt, text)
    chunks, index = [], 0
    while index < len(text):
        size = rng.randint(1, max(1, largest))
        chunks.append(text[index:index + size])
        index += size
    return chunks


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    def __init__(self, options):
        super().__init__(("127.0.0.1", options.port), Handler)
        self.options = options
        self.statistics = Statistics()
        self.exhausted = threading.Event()
        self.script = load_script(options.script) if options.script else []

    def handle_error(self, request, client_address):
        """A client that hangs up (on purpose, in tests) is no error; anything else is printed."""
        error = sys.exc_info()[1]
        if isinstance(error, (ClientGone, ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def scripted(self, prompt):
        for pattern, text in self.script:
            if pattern.search(prompt):
                return text
        return None


def load_script(path):
    with open(path, encoding="utf-8") as handle:
        entries = json.load(handle)
    if not isinstance(entries, list):
        raise SystemExit("fake-llm: %s: expected a JSON list of {match, text}" % path)
    script = []
    for number, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("match"), str) \
                or not isinstance(entry.get("text"), str):
            raise SystemExit("fake-llm: %s: entry %d needs string fields match and text" % (path, number))
        script.append((re.compile(entry["match"]), entry["text"]))
    return script


def watch(server, options):
    """Ends the process when its parent dies, its stdin closes, or its budget runs out."""
    parent = os.getppid()
    stdin_closed = threading.Event()
    if not options.ignore_stdin and stdin_is_a_pipe():
        def read_stdin():
            try:
                while sys.stdin.buffer.read(4096):
                    pass
            except (OSError, ValueError):
                pass
            stdin_closed.set()
        threading.Thread(target=read_stdin, daemon=True).start()
    deadline = time.monotonic() + options.max_seconds
    while True:
        if stdin_closed.is_set() or os.getppid() != parent or time.monotonic() >= deadline:
            break
        if server.exhausted.is_set() and server.statistics.snapshot()["in_flight"] == 0:
            break
        time.sleep(0.05)
    sys.stdout.flush()
    os._exit(0)


def stdin_is_a_pipe():
    """Only a pipe or socket tells of its writer's end; /dev/null or a file would end us at once."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def main(argv):
    options = parse_arguments(argv)
    server = Server(options)
    print("LISTENING %d" % server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    watch(server, options)


if __name__ == "__main__":
    main(sys.argv[1:])

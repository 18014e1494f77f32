/// The supervisor: a small Python program between Quorum and the server, so that no server
/// outlives the Quorum processes that use it.
///
/// - The server runs in its own session and process group, with `PR_SET_PDEATHSIG` = SIGKILL
///   set between fork and exec: if the supervisor dies, even by `kill -9`, the kernel kills
///   the server.
/// - Every 0.2 s the supervisor checks, under the engine lock, the leases (one file per Quorum
///   process using the server, named by pid and start time). When no lease holder is alive and
///   the server is not pinned by `quorum engine start`, or the state file no longer names this
///   supervisor (`quorum engine stop`), it stops the server: SIGTERM to its group, SIGKILL
///   after a grace period. A Quorum process that crashes or is killed leaves a lease whose pid
///   is dead, so its server goes within a poll.
/// - SIGTERM stops it the same way; SIGINT and SIGHUP are ignored (Ctrl-C belongs to Quorum,
///   which then releases its lease).
///
/// Usage: `python supervisor.py RUN_FOLDER -- SERVER_COMMAND...`; the server's output goes to
/// the supervisor's standard output (the log file).
enum EngineSupervisorScript {
    static let source = #"""
        """Quorum's engine supervisor (written by quorum; see EngineSupervisorScript.swift)."""
        import ctypes
        import fcntl
        import json
        import os
        import signal
        import subprocess
        import sys
        import time

        POLL_SECONDS = 0.2
        GRACE_SECONDS = 5.0
        PR_SET_PDEATHSIG = 1


        def start_time(pid):
            """Field 22 of /proc/PID/stat, or None when the process is gone (zombies too)."""
            try:
                with open("/proc/%d/stat" % pid) as stat:
                    text = stat.read()
            except OSError:
                return None
            fields = text[text.rindex(")") + 2:].split()
            if fields[0] in ("Z", "X"):
                return None
            return int(fields[19])


        def alive(pid, start):
            now = start_time(pid)
            return now is not None and (start == 0 or now == start)


        class Lock:
            def __init__(self, path):
                self.path = path

            def __enter__(self):
                self.file = open(self.path, "a+")
                fcntl.flock(self.file, fcntl.LOCK_EX)
                return self

            def __exit__(self, *exc):
                fcntl.flock(self.file, fcntl.LOCK_UN)
                self.file.close()


        def read_json(path):
            try:
                with open(path) as file:
                    return json.load(file)
            except (OSError, ValueError):
                return None


        def write_json(path, value):
            temporary = path + ".tmp.%d" % os.getpid()
            with open(temporary, "w") as file:
                json.dump(value, file, indent=2, sort_keys=True)
                file.write("\n")
            os.replace(temporary, path)


        def live_leases(folder):
            """Removes the leases of dead processes; returns how many are alive."""
            count = 0
            try:
                names = os.listdir(folder)
            except OSError:
                return 0
            for name in names:
                try:
                    pid, start = (int(part) for part in name.split("-"))
                except ValueError:
                    continue
                if alive(pid, start):
                    count += 1
                else:
                    try:
                        os.remove(os.path.join(folder, name))
                    except OSError:
                        pass
            return count


        def log(message):
            sys.stdout.write("[quorum supervisor %d] %s: %s\n" % (os.getpid(), time.strftime("%H:%M:%S"), message))
            sys.stdout.flush()


        def main():
            run = sys.argv[1]
            command = sys.argv[sys.argv.index("--") + 1:]
            state_path = os.path.join(run, "server.json")
            lock_path = os.path.join(run, "server.lock")
            leases = os.path.join(run, "leases")
            me = os.getpid()
            try:
                os.setsid()
            except OSError:
                pass
            # A process spawned from a thread that blocks signals (a Dispatch worker does) inherits
            # that mask, and so would the server: unblock them, or SIGTERM would never arrive.
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            stopping = []
            signal.signal(signal.SIGTERM, lambda *_: stopping.append("SIGTERM"))
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGHUP, signal.SIG_IGN)

            def mine(state):
                return isinstance(state, dict) and state.get("supervisor", {}).get("pid") == me

            def die_with_supervisor():
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.signal(signal.SIGHUP, signal.SIG_DFL)
                libc = ctypes.CDLL(None, use_errno=True)
                libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
                if os.getppid() != me:
                    os._exit(1)

            log("starting: " + " ".join(command))
            server = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=sys.stdout, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=die_with_supervisor if sys.platform.startswith("linux") else None)
            with Lock(lock_path):
                state = read_json(state_path)
                if mine(state):
                    state["server"] = {"pid": server.pid, "start_time": start_time(server.pid) or 0}
                    write_json(state_path, state)
                else:
                    stopping.append("the state file does not name this supervisor")

            status = None
            while not stopping:
                status = server.poll()
                if status is not None:
                    log("the server exited with status %d" % status)
                    break
                time.sleep(POLL_SECONDS)
                with Lock(lock_path):
                    state = read_json(state_path)
                    if not mine(state):
                        stopping.append("stopped (the state file no longer names this supervisor)")
                    elif live_leases(leases) == 0 and not state.get("pinned"):
                        os.remove(state_path)
                        stopping.append("no Quorum process uses the server any more")

            if stopping:
                log("stopping the server: " + stopping[0])
            if server.poll() is None:
                try:
                    os.killpg(server.pid, signal.SIGTERM)
                except OSError:
                    pass
                deadline = time.monotonic() + GRACE_SECONDS
                while server.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                if server.poll() is None:
                    log("the server did not stop within %.0f s: SIGKILL" % GRACE_SECONDS)
                    try:
                        os.killpg(server.pid, signal.SIGKILL)
                    except OSError:
                        pass
                    server.wait()
            with Lock(lock_path):
                if mine(read_json(state_path)):
                    os.remove(state_path)
            log("stopped")
            sys.exit(0 if status is None else 1)


        main()

        """#
}

"""PlannerFactory process-protocol (v1) wrapper around third-party PDDL planners.

Python 3 standard library only. Each bundle's planner.py calls `serve(runner)` with a runner for
Fast Downward (`FastDownward([...search options...])`) or pyperplan (`Pyperplan(search, heuristic)`).
The descriptor is the bundle's own planner.json without `entry`, so it always agrees with the
manifest.

Every `plan` call:
  1. reads `task` from the objective ({"format": "pddl", "domain": TEXT, "problem": TEXT}) and
     the optional `deadline` (seconds); no task, or a malformed one, is `invalid-objective`;
  2. writes domain.pddl and problem.pddl into a fresh temporary folder and runs the planner there
     as its own process group (start_new_session), its stdout and stderr into a log file;
  3. waits at most until shortly before the deadline; then, and on every other way out (an answer,
     an exception, SIGTERM to this wrapper), ends the planner's whole process group (SIGTERM, then
     SIGKILL after 100 ms: Fast Downward's driver does not pass SIGTERM on to its search process);
  4. copies the planner's log to standard error (the worker's log), maps the outcome to a plan or
     an error code, and removes the folder.

Standard output carries the protocol only.

Environment (all optional; a manifest's `environment` may set them):
  PLANNER_MEMORY       memory cap passed to Fast Downward, e.g. 2G (default: 2G, or less when the
                       worker's own address-space limit is lower)
  PLANNER_TIME_LIMIT   seconds, a cap for calls whose objective has no deadline (default: none)
  PLANNER_KEEP_LOG     "1": copy the planner's whole log to stderr (default: the last 200 lines)
"""
import json
import math
import os
import re
import resource
import signal
import sys
import threading
import time

PROTOCOL_OUT = sys.stdout
sys.stdout = sys.stderr  # stdout carries protocol lines only; any print() goes to the worker's log

_current = {"process": None, "folder": None}  # the planner process group running now, its folder
_lock = threading.Lock()


class Failure(Exception):
    """Failure(code, message): answered as a protocol error."""

    def __init__(self, code, message):
        super().__init__(code, message)
        self.code, self.message = code, message


def log(message):
    sys.stderr.write(f"[wrapper] {message}\n")
    sys.stderr.flush()


# --------------------------------------------------------------------------------------------
# Process groups

def end_group(process, grace=0.1):
    """Ends the process's whole group: SIGTERM, SIGKILL after `grace` seconds, then reaps it."""
    if process is None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and _group_alive(process.pid):
        time.sleep(0.01)
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()  # SIGKILL has been sent: this returns at once


def _group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def _on_sigterm(signum, frame):
    """Ends the planner's group and this wrapper. No Popen.wait() here: the main thread may be
    inside one, holding its lock; the orphans are reaped by init (or die with the PID namespace)."""
    with _lock:
        process, folder = _current["process"], _current.get("folder")
    if process is not None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sig)
            except (ProcessLookupError, PermissionError):
                pass
            if sig == signal.SIGTERM:
                time.sleep(0.02)
    if folder:
        remove_tree(folder)
    os._exit(128 + signum)


# Folders without tempfile and shutil (with what they import, about 5 ms of every start).

def make_folder(prefix):
    """A new private folder for one run under $TMPDIR (or /tmp), as tempfile.mkdtemp makes."""
    base = os.environ.get("TMPDIR") or "/tmp"
    for _ in range(100):
        path = os.path.join(base, f"{prefix}-{os.getpid()}-{os.urandom(6).hex()}")
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:
            continue
    raise Failure("internal", f"cannot create a working folder in {base}")


def remove_tree(path):
    """Removes `path` and everything in it, ignoring errors (as shutil.rmtree(…, ignore_errors=True)).
    Links are removed, never followed."""
    try:
        for parent, folders, files in os.walk(path, topdown=False):
            for entry in files + folders:
                full = os.path.join(parent, entry)
                try:
                    if os.path.isdir(full) and not os.path.islink(full):
                        os.rmdir(full)
                    else:
                        os.unlink(full)
                except OSError:
                    pass
        os.rmdir(path)
    except OSError:
        pass


class Child:
    """A started planner: its pid (also its process group's id) and, once reaped, its exit code
    (negative for a signal, as subprocess gives it)."""

    def __init__(self, pid):
        self.pid, self.code = pid, None

    def wait(self):
        if self.code is None:
            try:
                _, status = os.waitpid(self.pid, 0)
                self.code = os.waitstatus_to_exitcode(status)
            except ChildProcessError:  # reaped elsewhere: nothing more to learn
                self.code = 0
        return self.code


def spawn(command, cwd, log_file, env=None):
    """Starts `command` in `cwd` as a new session, stdin from /dev/null, stdout and stderr to
    `log_file`, no other descriptor inherited: what subprocess.Popen(..., start_new_session=True)
    does, without importing subprocess (about 5 ms of every worker's start)."""
    environment = os.environ if env is None else env
    pid = os.fork()
    if pid == 0:  # the child: only system calls until exec
        try:
            os.chdir(cwd)
            os.setsid()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.dup2(log_file.fileno(), 1)
            os.dup2(log_file.fileno(), 2)
            for entry in os.listdir("/proc/self/fd"):
                if int(entry) > 2:
                    try:
                        os.close(int(entry))
                    except OSError:
                        pass
            os.execve(command[0], command, environment)
        except BaseException:  # noqa: BLE001 - nothing may run on in the child
            pass
        os._exit(127)
    return Child(pid)


def run_group(command, cwd, log_path, time_cap, env=None):
    """Runs `command` in `cwd` as a new session; returns (exit code or None if the cap passed, seconds)."""
    with open(log_path, "wb") as log_file:
        started = time.monotonic()
        process = spawn(command, cwd, log_file, env)
        with _lock:
            _current["process"] = process
        # A blocking wait, woken by the cap's timer (Popen.wait(timeout=…) polled with sleeps of
        # up to 50 ms, which every run paid after the planner had ended).
        capped = threading.Event()

        def cap_reached():
            capped.set()
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except (ProcessLookupError, PermissionError):
                pass

        timer = threading.Timer(time_cap, cap_reached) if time_cap is not None else None
        if timer:
            timer.daemon = True
            timer.start()
        try:
            code = process.wait()
            if timer:
                timer.cancel()
            if capped.is_set():
                code = None
        finally:
            end_group(process)  # also ends what the planner left behind after a normal exit
            with _lock:
                _current["process"] = None
        return code, time.monotonic() - started


def copy_log(log_path):
    try:
        with open(log_path, "r", encoding="utf-8", errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return []
    shown = lines if os.environ.get("PLANNER_KEEP_LOG") == "1" else lines[-200:]
    if len(shown) < len(lines):
        sys.stderr.write(f"[wrapper] ... {len(lines) - len(shown)} earlier planner log lines left out\n")
    sys.stderr.writelines(shown)
    sys.stderr.flush()
    return lines


# --------------------------------------------------------------------------------------------
# Plans

_SPACES = re.compile(r"\s+")


def normalize_step(line):
    """`(Pick-Up  A)` -> `(pick-up a)`; `pick-up a` -> `(pick-up a)`."""
    text = line.strip().lower()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return "(" + _SPACES.sub(" ", text.strip()) + ")"


def read_plan_file(path):
    """(steps, cost or None) of a plan file; comment lines start with ';'."""
    steps, cost = [], None
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith(";"):
                match = re.match(r";\s*cost\s*=\s*(\d+(?:\.\d+)?)", line)
                if match:
                    number = float(match.group(1))
                    cost = int(number) if number.is_integer() else number
                continue
            steps.append(normalize_step(line))
    return steps, cost


def time_cap_of(objective):
    """The wall-clock cap for one call, in seconds, or None; raises invalid-objective."""
    deadline = objective.get("deadline")
    if deadline is not None:
        if isinstance(deadline, bool) or not isinstance(deadline, (int, float)) or not (0 < deadline < float("inf")):
            raise Failure("invalid-objective", f"the deadline must be a number of seconds > 0, not {deadline!r}")
        # Answer a little before the factory's own deadline ends the worker.
        return max(0.05, deadline - min(0.25, deadline * 0.1))
    limit = os.environ.get("PLANNER_TIME_LIMIT")
    if limit:
        try:
            return float(limit)
        except ValueError:
            log(f"PLANNER_TIME_LIMIT={limit!r} is not a number; ignored")
    return None


def task_of(objective):
    if not isinstance(objective, dict):
        raise Failure("invalid-objective", "the objective must be a JSON object")
    task = objective.get("task")
    if task is None:
        raise Failure("invalid-objective",
                      "the objective has no task: this planner needs "
                      "\"task\": {\"format\": \"pddl\", \"domain\": TEXT, \"problem\": TEXT}")
    if not isinstance(task, dict):
        raise Failure("invalid-objective", "the objective's task must be a JSON object")
    if task.get("format", "pddl") != "pddl":
        raise Failure("unsupported", f"task format {task.get('format')!r}: this planner reads only \"pddl\"")
    domain, problem = task.get("domain"), task.get("problem")
    for key, value in (("domain", domain), ("problem", problem)):
        if not isinstance(value, str) or not value.strip():
            raise Failure("invalid-objective", f"the task's {key} must be non-empty PDDL text")
    return domain, problem


def memory_limit_mb():
    """PLANNER_MEMORY (e.g. 2G, 512M), else 2 GiB; never above the worker's address-space limit."""
    text = os.environ.get("PLANNER_MEMORY", "2G").strip()
    match = re.fullmatch(r"(\d+)([kKmMgG]?)", text)
    if not match:
        log(f"PLANNER_MEMORY={text!r} is not a size like 2G or 512M; using 2G")
        match = re.fullmatch(r"(\d+)([kKmMgG]?)", "2G")
    number, unit = int(match.group(1)), match.group(2).lower()
    megabytes = {"k": number // 1024, "": number, "m": number, "g": number * 1024}[unit]
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        megabytes = min(megabytes, soft // (1024 * 1024) - 64)
    return max(64, megabytes)


# --------------------------------------------------------------------------------------------
# Fast Downward

FD_EXIT = {  # driver/returncodes.py of the up-fast-downward 1.0.0 wheel
    0: "SUCCESS", 1: "SEARCH_PLAN_FOUND_AND_OUT_OF_MEMORY", 2: "SEARCH_PLAN_FOUND_AND_OUT_OF_TIME",
    3: "SEARCH_PLAN_FOUND_AND_OUT_OF_MEMORY_AND_TIME",
    10: "TRANSLATE_UNSOLVABLE", 11: "SEARCH_UNSOLVABLE", 12: "SEARCH_UNSOLVED_INCOMPLETE",
    13: "SEARCH_UNSOLVABLE_WITHIN_BOUND",
    20: "TRANSLATE_OUT_OF_MEMORY", 21: "TRANSLATE_OUT_OF_TIME", 22: "SEARCH_OUT_OF_MEMORY",
    23: "SEARCH_OUT_OF_TIME", 24: "SEARCH_OUT_OF_MEMORY_AND_TIME",
    30: "TRANSLATE_CRITICAL_ERROR", 31: "TRANSLATE_INPUT_ERROR", 32: "SEARCH_CRITICAL_ERROR",
    33: "SEARCH_INPUT_ERROR", 34: "SEARCH_UNSUPPORTED", 35: "DRIVER_CRITICAL_ERROR",
    36: "DRIVER_INPUT_ERROR", 37: "DRIVER_UNSUPPORTED",
}

# The translator's messages for constructs it cannot handle (exit 31 is also a syntax error).
_FD_UNSUPPORTED = re.compile(
    r"(unsupported|not supported|does not support|cannot handle|only .* supported|"
    r"numeric|durative|:constraints|preferences|timed)", re.I)


def fast_downward_driver():
    # Found without importing the package (its __init__ loads the Unified Planning Framework, ~1 s):
    # the wrapper runs under the planners' environment, where the up-fast-downward wheel is installed.
    import importlib.util
    spec = importlib.util.find_spec("up_fast_downward")
    if spec is None or not spec.submodule_search_locations:
        raise Failure("internal", f"up_fast_downward is not installed for {sys.executable} (run scripts/install-planners)")
    return os.path.join(list(spec.submodule_search_locations)[0], "downward", "fast-downward.py")


def _interesting_line(lines, patterns):
    for line in lines:
        if re.search(patterns, line, re.I):
            return line.strip()
    return None


def _last_meaningful(lines):
    for line in reversed(lines):
        text = line.strip()
        if text and not text.startswith(("INFO", "[t=", "Peak memory", "Remove intermediate", "search exit code",
                                         "translate exit code", "Driver aborting")):
            return text
    return ""


class FastDownward:
    def __init__(self, driver_options=(), search_options=(), optimal=False):
        """driver_options go before the input files (`--alias lama-first`), search_options after
        them (`--search astar(lmcut())`), as fast-downward.py requires."""
        self.driver_options, self.search_options = list(driver_options), list(search_options)
        self.optimal = optimal

    def run(self, folder, cap):
        command = [sys.executable, fast_downward_driver(), "--plan-file", "sas_plan",
                   "--overall-memory-limit", f"{memory_limit_mb()}M"]
        if cap is not None:
            # Fast Downward's limits are whole CPU seconds, and each component gets what is left of
            # the overall limit rounded down (a 1 s limit leaves the translator 0 s: SIGXCPU at once).
            # So it gets one second more than the cap: the wrapper's wall-clock cap holds the deadline,
            # Fast Downward's own limit is the backstop.
            command += ["--overall-time-limit", f"{math.ceil(cap) + 1}s"]
        command += self.driver_options + ["domain.pddl", "problem.pddl"] + self.search_options
        log("running " + " ".join(command))
        code, seconds = run_group(command, folder, os.path.join(folder, "planner.log"), cap)
        lines = copy_log(os.path.join(folder, "planner.log"))
        return self.outcome(folder, code, seconds, lines, cap)

    def plan_files(self, folder):
        files = [name for name in os.listdir(folder) if name == "sas_plan" or re.fullmatch(r"sas_plan\.\d+", name)]
        # sas_plan.N: anytime searches number their plans, each cheaper than the one before
        return sorted(files, key=lambda n: int(n.rsplit(".", 1)[1]) if "." in n else 0)

    def outcome(self, folder, code, seconds, lines, cap):
        text = "".join(lines)
        stats = {"exitCode": code, "exitName": FD_EXIT.get(code, "unknown") if code is not None else "killed-at-deadline",
                 "seconds": round(seconds, 3)}
        for key, pattern in (("expanded", r"Expanded (\d+) state"), ("generated", r"Generated (\d+) state"),
                             ("evaluated", r"Evaluated (\d+) state"), ("searchSeconds", r"Search time: ([\d.]+)s"),
                             ("translatorVariables", r"Translator variables: (\d+)"),
                             ("translatorOperators", r"Translator operators: (\d+)")):
            found = re.findall(pattern, text)
            if found:
                value = float(found[-1])
                stats[key] = int(value) if value.is_integer() and key != "searchSeconds" else value
        if self.optimal:
            stats["optimal"] = True
        files = self.plan_files(folder)
        if files:
            steps, cost = read_plan_file(os.path.join(folder, files[-1]))
            if cost is None:
                cost = len(steps)
            if code is None or code not in (0, 1, 2, 3):
                stats["note"] = "a plan file was found although the run did not end with a plan-found code"
                if self.optimal:
                    stats["optimal"] = False  # an optimal search proves optimality only when it ends
            stats["planFile"] = files[-1]
            return {"steps": steps, "cost": cost, "stats": stats}
        if code is None:
            raise Failure("limit-reached", f"Fast Downward found no plan within the deadline ({cap:g} s); "
                                           "its process group was ended")
        name = FD_EXIT.get(code, f"exit code {code}")
        detail = _last_meaningful(lines)
        if code in (0, 1, 2, 3):
            raise Failure("internal", f"Fast Downward reported a plan ({name}) but wrote no sas_plan")
        if code in (10, 11):
            raise Failure("unsolvable", f"Fast Downward proved the task unsolvable ({name}, exit {code})")
        if code in (12, 13):
            raise Failure("limit-reached", f"Fast Downward's search ended without a plan and without a proof "
                                           f"of unsolvability ({name}, exit {code})")
        if code in (20, 21, 22, 23, 24):
            raise Failure("limit-reached", f"Fast Downward ran out of time or memory ({name}, exit {code}); "
                                           f"memory cap {memory_limit_mb()} MiB")
        if code == 31:
            why = _interesting_line(lines, _FD_UNSUPPORTED.pattern)
            if why:
                raise Failure("unsupported", f"Fast Downward's translator cannot handle the task: {why} ({name}, exit 31)")
            raise Failure("invalid-objective", f"Fast Downward could not read the task: {detail} ({name}, exit 31)")
        if code in (34, 37):
            why = _interesting_line(lines, r"(support|cannot|unsupported)") or detail
            raise Failure("unsupported", f"Fast Downward does not support this task with this search: {why} ({name}, exit {code})")
        signal_number = -code if code < 0 else code - 128 if 128 < code < 256 else None  # the driver exits 256-N
        if signal_number in (signal.SIGXCPU, signal.SIGKILL):
            raise Failure("limit-reached", f"Fast Downward was ended by {signal.Signals(signal_number).name} "
                                           f"(its CPU-time or memory cap) without a plan (exit {code})")
        if signal_number:
            raise Failure("internal", f"Fast Downward was ended by signal {signal_number} (exit {code}): {detail}")
        raise Failure("internal", f"Fast Downward failed: {detail} ({name}, exit {code})")


# --------------------------------------------------------------------------------------------
# pyperplan

class Pyperplan:
    def __init__(self, search, heuristic, optimal=False):
        self.search, self.heuristic, self.optimal = search, heuristic, optimal

    def run(self, folder, cap):
        command = [sys.executable, "-m", "pyperplan", "-s", self.search, "-H", self.heuristic,
                   "domain.pddl", "problem.pddl"]
        env = dict(os.environ)
        env.setdefault("PYTHONHASHSEED", "0")  # pyperplan's plans change with the hash seed
        log("running " + " ".join(command) + f" (PYTHONHASHSEED={env['PYTHONHASHSEED']})")
        code, seconds = run_group(command, folder, os.path.join(folder, "planner.log"), cap, env=env)
        lines = copy_log(os.path.join(folder, "planner.log"))
        text = "".join(lines)
        stats = {"exitCode": code, "seconds": round(seconds, 3)}
        found = re.findall(r"(\d+) Nodes expanded", text)
        if found:
            stats["expanded"] = int(found[-1])
        found = re.findall(r"Search time: ([\d.]+)", text)
        if found:
            stats["searchSeconds"] = float(found[-1])
        if self.optimal:
            stats["optimal"] = True
        solution = os.path.join(folder, "problem.pddl.soln")
        if code == 0 and os.path.exists(solution):
            steps, _ = read_plan_file(solution)
            return {"steps": steps, "cost": len(steps), "stats": stats}
        if code is None:
            raise Failure("limit-reached", f"pyperplan found no plan within the deadline ({cap:g} s); "
                                           "its process group was ended")
        if code == 0:
            if "No solution could be found" in text:
                # gbf, astar, wastar and bfs keep a closed list and search every reachable state
                # (h_FF = infinity prunes only states from which the goal is unreachable even when
                # delete effects are ignored), so running out of states proves unsolvability.
                raise Failure("unsolvable", f"pyperplan ({self.search}) searched every reachable state: no plan exists")
            raise Failure("internal", "pyperplan ended without a plan and without saying why")
        if "Traceback" in text:
            last = _last_meaningful([l for l in lines if not l.startswith(" ")]) or "unknown error"
            if "ParseError" in last:
                raise Failure("invalid-objective", f"pyperplan could not parse the task: {last}")
            raise Failure("unsupported", f"pyperplan cannot handle the task (it reads STRIPS and typing only): {last}")
        if code < 0:
            raise Failure("internal", f"pyperplan was killed by signal {-code}")
        raise Failure("internal", f"pyperplan failed with exit code {code}: {_last_meaningful(lines)}")


# --------------------------------------------------------------------------------------------
# The protocol

def load_descriptor(bundle):
    with open(os.path.join(bundle, "planner.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return {key: value for key, value in manifest.items() if key != "entry"}


def serve(runner, bundle=None):
    bundle = bundle or os.path.dirname(os.path.abspath(sys.argv[0]))
    descriptor = load_descriptor(bundle)
    name = descriptor["name"]
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, _on_sigterm)
    instances, counter, plans = {}, 0, {"ok": 0, "failed": 0}

    def send(message):
        PROTOCOL_OUT.write(json.dumps(message) + "\n")
        PROTOCOL_OUT.flush()

    def plan(objective):
        domain, problem = task_of(objective)
        cap = time_cap_of(objective)
        folder = make_folder(name)
        with _lock:
            _current["folder"] = folder
        try:
            with open(os.path.join(folder, "domain.pddl"), "w", encoding="utf-8") as f:
                f.write(domain)
            with open(os.path.join(folder, "problem.pddl"), "w", encoding="utf-8") as f:
                f.write(problem)
            result = runner.run(folder, cap)
        finally:
            with _lock:
                _current["folder"] = None
            remove_tree(folder)
        return {"planner": name, "steps": result["steps"], "cost": result["cost"], "stats": result["stats"]}

    def answer(call, instance, body):
        nonlocal counter
        if call == "create":
            counter += 1
            key = f"i{counter}"
            instances[key] = body if isinstance(body, dict) else {}
            return {"instance": key}
        if call not in ("plan", "health", "destroy"):
            raise Failure("internal", f"unknown call {call!r} (this wrapper knows create, plan, health and destroy)")
        if instance not in instances:
            raise Failure("internal", f"no instance {instance!r} (it was never created or is destroyed)")
        if call == "plan":
            try:
                result = plan(body)
                plans["ok"] += 1
                return result
            except Failure:
                plans["failed"] += 1
                raise
        if call == "health":
            try:
                ready = runner_ready(runner)
            except Exception as error:  # noqa: BLE001 - reported as unhealthy
                return {"healthy": False, "detail": f"{type(error).__name__}: {error}"}
            return {"healthy": True, "detail": f"{ready}; {plans['ok']} plan(s), {plans['failed']} failure(s)"}
        instances.pop(instance, None)
        return None

    send({"protocol": "planner-factory", "version": 1, "descriptor": descriptor})
    for line in sys.stdin.buffer:
        request = None
        try:
            request = json.loads(line.decode("utf-8", errors="replace"))
            if not isinstance(request, dict):
                raise Failure("internal", "a request must be a JSON object")
            send({"id": request.get("id"), "result": answer(request.get("call"), request.get("instance"), request.get("body"))})
        except Failure as failure:
            log(f"{failure.code}: {failure.message}")
            send({"id": request.get("id") if isinstance(request, dict) else None,
                  "error": {"message": failure.message, "code": failure.code}})
        except Exception as error:  # noqa: BLE001 - every request gets an answer
            log(f"internal error: {error!r}")
            send({"id": request.get("id") if isinstance(request, dict) else None,
                  "error": {"message": f"wrapper error: {type(error).__name__}: {error}", "code": "internal"}})
    return 0


def runner_ready(runner):
    if isinstance(runner, FastDownward):
        driver = fast_downward_driver()
        if not os.path.isfile(driver):
            raise FileNotFoundError(driver)
        return f"Fast Downward driver {driver}"
    import importlib.util
    if importlib.util.find_spec("pyperplan") is None:
        raise ModuleNotFoundError("pyperplan")
    return "pyperplan importable"

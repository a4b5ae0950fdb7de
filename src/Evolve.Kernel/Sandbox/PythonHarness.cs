namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The Python that runs hidden tests against an answer in the sandbox. Why two processes: in one,
/// the answer could read the tests, call the harness's reporting function from
/// <c>sys._getframe()</c> or patch <c>json.dumps</c>, and forge a full score. So this process reads
/// the tests, the entry point and a per-run key from stdin (never from a file or argv), makes itself
/// non-dumpable (the answer, same uid, cannot read its memory or fds), and starts
/// <see cref="PythonAnswerHost"/> as a child that gets only solution.py. The tests call the answer's
/// functions through proxies that carry data (<see cref="PythonWire"/>) over the child's pipes.
/// Each event goes to stdout as <c>@@evolve SEQ HMAC JSON</c>, signed with the key, so a line the
/// answer prints (or copies) is not believed; everything else the two print goes to stderr.
/// </summary>
internal static class PythonHarness
{
    public const string FileName = "_evolve_harness.py";
    public const string SolutionFile = "solution.py";

    /// <summary>The prefix of every report line.</summary>
    public const string LinePrefix = "@@evolve ";

    public static string Script { get; } = PythonWire.Script + "\n" + Body;

    private const string Body = """
        import builtins, ctypes, hmac, linecache, os, subprocess, sys, traceback

        ANSWER_FILE = "_evolve_answer.py"

        class SolutionCrashed(Exception):
            pass

        def _why(code, cpu, file_cap):
            if code is None or code >= 0:
                return "exited with code %s" % code
            sig = -code
            return {
                24: "was stopped for using more than %s s of CPU time: the code probably loops forever or is far too slow" % cpu,
                9: "was killed by SIGKILL (possibly out of memory)",
                11: "was killed by SIGSEGV, often a stack overflow from deep recursion",
                25: "was killed by SIGXFSZ: a file grew past the %s" % file_cap,
            }.get(sig, "was killed by signal %d" % sig)

        class Answer:
            def __init__(self, cpu, file_cap, budget):
                self.cpu, self.file_cap, self.budget, self.process, self.loaded, self.cut = cpu, file_cap, budget, None, None, False

            def start(self):
                self.process = subprocess.Popen(
                    [sys.executable, "-I", ANSWER_FILE, str(self.budget)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=None, close_fds=True)
                self.loaded = self.read()
                return self.loaded

            def read(self):
                line = self.process.stdout.readline()
                if not line:
                    self.process.stdin.close()
                    code = self.process.wait()
                    self.process = None
                    raise SolutionCrashed("the solution's process " + _why(code, self.cpu, self.file_cap))
                reply = json.loads(line)
                self.cut = self.cut or reply.get("cut") is True
                return reply

            def call(self, name, args, kwargs):
                try:
                    request = dumps({"name": name, "args": enc(list(args)), "kwargs": enc(kwargs)})
                except Unpassable as e:
                    raise TypeError("the tests passed %s to `%s`, which cannot be sent to the solution's process" % (e, name)) from None
                if self.process is None:
                    loaded = self.start()
                    if "load_error" in loaded:
                        raise SolutionCrashed("the solution failed to load again after its process ended: " + loaded["load_error"])
                try:
                    self.process.stdin.write((request + "\n").encode("utf-8"))
                    self.process.stdin.flush()
                except OSError:
                    pass  # It died; read() says how.
                reply = self.read()
                if "error" in reply:
                    raise TypeError(reply["error"])
                if "raise" in reply:
                    raise _exception(reply["raise"])
                for mine, theirs in zip(args, dec(reply.get("args", {"l": []}))):
                    _sync(mine, theirs)
                for key, theirs in dec(reply.get("kwargs", {"d": []})).items():
                    if key in kwargs:
                        _sync(kwargs[key], theirs)
                if "same" in reply:
                    same = reply["same"]
                    return kwargs[same] if type(same) is str else args[same]
                return dec(reply["ok"])

        def _sync(mine, theirs):
            if type(mine) is not type(theirs) or mine == theirs:
                return
            if type(mine) in (list, bytearray):
                mine[:] = theirs
            elif type(mine) in (dict, set):
                mine.clear()
                mine.update(theirs)

        def _exception(info):
            base = getattr(builtins, info["base"], Exception)
            kind = getattr(builtins, info["type"], None)
            if not (isinstance(kind, type) and issubclass(kind, BaseException)):
                kind = type(info["type"], (base,), {"__module__": "builtins"})
            args = dec(info["args"])
            try:
                e = kind(*args)
            except Exception:
                e = kind(*[str(a) for a in args])
            e.evolve_where = info.get("where")
            return e

        def _main():
            config = json.loads(sys.stdin.read())
            # Not dumpable: the solution (same uid) cannot read this process's memory, fds or key.
            try:
                ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)
            except Exception:
                pass
            key, tests_text, entry_point = bytes.fromhex(config["key"]), config["tests"], config.get("entry_point")
            out_fd = os.dup(1)
            os.dup2(2, 1)
            seq = [0]

            def emit(event):
                body = dumps(event)
                mac = hmac.new(key, ("%d %s" % (seq[0], body)).encode("utf-8"), "sha256").hexdigest()
                data = ("\n@@evolve %d %s %s\n" % (seq[0], mac, body)).encode("utf-8")
                seq[0] += 1
                while data:
                    data = data[os.write(out_fd, data):]

            def describe(e):
                head = traceback.format_exception_only(type(e), e)[-1].strip()
                if isinstance(e, SyntaxError) and e.filename == "tests.py":
                    return "SyntaxError: %s (tests.py line %s: %s)" % (e.msg, e.lineno, (e.text or "").strip())
                parts = [head[:800]]
                test_line = frame_text(traceback.extract_tb(e.__traceback__), "tests.py")
                if test_line:
                    parts.append("failing line: " + test_line)
                if getattr(e, "evolve_where", None):
                    parts.append("raised at: " + e.evolve_where)
                return "\n".join(parts)

            answer = Answer(config.get("cpu"), config.get("file_cap", "file-size limit"), config.get("budget", 1 << 16))
            try:
                loaded = answer.start()
            except SolutionCrashed as e:
                emit({"event": "load_error", "message": "the solution did not finish loading: " + str(e)})
                return
            if "load_error" in loaded:
                emit({"event": "load_error", "message": "the solution failed to load: " + loaded["load_error"]})
                return
            functions, values = loaded["loaded"]["functions"], loaded["loaded"]["values"]
            if entry_point and entry_point not in functions:
                emit({"event": "load_error", "message": "the solution does not define a function named `%s`" % entry_point})
                return

            def proxy(name):
                def call(*args, **kwargs):
                    return answer.call(name, args, kwargs)
                call.__name__ = call.__qualname__ = name
                return call

            module = type(sys)("solution")
            module.__dict__.update({k: dec(v) for k, v in values.items()})
            module.__dict__.update({name: proxy(name) for name in functions})
            sys.modules["solution"] = module
            ns = dict(module.__dict__)
            ns["__name__"] = "tests"
            try:
                linecache.cache["tests.py"] = (len(tests_text), None, tests_text.splitlines(True), "tests.py")
                exec(compile(tests_text, "tests.py", "exec"), ns)
            except BaseException as e:
                emit({"event": "load_error", "message": "the tests failed to load: " + describe(e)})
                return
            if entry_point and callable(ns.get("check")):
                check, candidate = ns["check"], module.__dict__[entry_point]
                tests = [("check", lambda: check(candidate))]
            else:
                tests = [(name, fn) for name, fn in list(ns.items())
                         if name.startswith("test") and callable(fn)
                         and getattr(getattr(fn, "__code__", None), "co_filename", None) == "tests.py"]
            if not tests:
                emit({"event": "load_error", "message": "the tests define no test_* function (and no check function with an entry point)"})
                return
            emit({"event": "loaded", "tests": [name for name, _ in tests]})
            for name, fn in tests:
                emit({"event": "start", "name": name})
                try:
                    fn()
                    emit({"event": "result", "name": name, "passed": True})
                except BaseException as e:
                    emit({"event": "result", "name": name, "passed": False, "message": describe(e)})
            emit({"event": "done", "truncated": answer.cut})

        _main()
        """;
}

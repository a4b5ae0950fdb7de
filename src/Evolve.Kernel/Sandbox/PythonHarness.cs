namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The Python script that runs a solution against its tests inside the sandbox. It reads a
/// secret marker and an output budget from the first stdin line (so the solution cannot learn
/// the marker from argv), loads solution.py as module <c>solution</c>, execs tests.py in the
/// same namespace, then runs each <c>test_*</c> (or HumanEval's <c>check(entry_point)</c>)
/// separately. Every event is one line <c>MARKER {json}</c> written straight to a duplicate of
/// fd 1, so the solution's own prints (capped at the budget) neither hide nor fake results, and a
/// run killed half-way still tells which tests passed and which one was running.
/// </summary>
internal static class PythonHarness
{
    public const string FileName = "_evolve_harness.py";
    public const string SolutionFile = "solution.py";
    public const string TestsFile = "tests.py";

    public const string Script = """
        import io, json, linecache, os, sys, traceback, types

        def _main():
            marker, budget = sys.stdin.readline().split()
            budget = int(budget)
            entry_point = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
            out_fd = os.dup(1)
            harness_pid = os.getpid()

            def emit(event):
                if os.getpid() != harness_pid:
                    # A fork of the harness made by the code: it must not report, nor run on.
                    os._exit(0)
                data = ("\n" + marker + " " + json.dumps(event) + "\n").encode("utf-8")
                while data:
                    data = data[os.write(out_fd, data):]

            class Capped(io.TextIOBase):
                def __init__(self, target):
                    self.target, self.left, self.truncated = target, budget, False
                def write(self, s):
                    part = s[: max(self.left, 0)]
                    if part:
                        self.target.write(part)
                        self.left -= len(part)
                    if len(part) < len(s):
                        self.truncated = True
                    return len(s)
                def flush(self):
                    self.target.flush()

            out, err = Capped(sys.stdout), Capped(sys.stderr)
            sys.stdout, sys.stderr = out, err
            sys.argv = ["solution.py"]

            def source(name):
                with open(name, encoding="utf-8") as f:
                    text = f.read()
                linecache.cache[name] = (len(text), None, text.splitlines(True), name)
                return text

            def frame_text(frames, name):
                for f in reversed(frames):
                    if f.filename == name:
                        return "%s line %d: %s" % (name, f.lineno, (f.line or "").strip())
                return None

            def describe(e):
                head = traceback.format_exception_only(type(e), e)[-1].strip()
                if isinstance(e, SyntaxError) and e.filename in ("solution.py", "tests.py"):
                    return "SyntaxError: %s (%s line %s: %s)" % (e.msg, e.filename, e.lineno, (e.text or "").strip())
                frames = traceback.extract_tb(e.__traceback__)
                parts = [head[:800]]
                test_line = frame_text(frames, "tests.py")
                solution_line = frame_text(frames, "solution.py")
                if test_line:
                    parts.append("failing line: " + test_line)
                if solution_line:
                    parts.append("raised at: " + solution_line)
                return "\n".join(parts)

            module = types.ModuleType("solution")
            module.__file__ = "solution.py"
            sys.modules["solution"] = module
            ns = module.__dict__
            try:
                exec(compile(source("solution.py"), "solution.py", "exec"), ns)
            except BaseException as e:
                emit({"event": "load_error", "message": "the solution failed to load: " + describe(e)})
                return
            if entry_point and not callable(ns.get(entry_point)):
                emit({"event": "load_error", "message": "the solution does not define a function named `%s`" % entry_point})
                return
            try:
                exec(compile(source("tests.py"), "tests.py", "exec"), ns)
            except BaseException as e:
                emit({"event": "load_error", "message": "the tests failed to load: " + describe(e)})
                return

            if entry_point and callable(ns.get("check")):
                check, candidate = ns["check"], ns[entry_point]
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
            for stream in (out, err):
                try:
                    stream.flush()
                except Exception:
                    pass
            emit({"event": "done", "truncated": out.truncated or err.truncated})

        _main()
        """;
}

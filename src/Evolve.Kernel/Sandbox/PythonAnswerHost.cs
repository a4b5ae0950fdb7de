namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The Python that hosts the answer in a process of its own (started by <see cref="PythonHarness"/>).
/// It loads solution.py, lists its top-level names, then serves calls that arrive as JSON lines
/// (function name and arguments) with the return value, the changed arguments, or the exception's
/// type, arguments and line. The solution's own output goes to stderr. It never sees the tests,
/// the results, or the key that signs them.
/// </summary>
internal static class PythonAnswerHost
{
    public const string FileName = "_evolve_answer.py";

    public static string Script { get; } = PythonWire.Script + "\n" + Body;

    private const string Body = """
        import builtins, io, linecache, os, sys, traceback

        def _describe_load(e):
            head = traceback.format_exception_only(type(e), e)[-1].strip()
            if isinstance(e, SyntaxError) and e.filename == "solution.py":
                return "SyntaxError: %s (solution.py line %s: %s)" % (e.msg, e.lineno, (e.text or "").strip())
            where = frame_text(traceback.extract_tb(e.__traceback__), "solution.py")
            return head[:800] + ("\nraised at: " + where if where else "")

        def _builtin_base(t):
            for k in t.__mro__:
                if getattr(builtins, k.__name__, None) is k:
                    return k.__name__
            return "Exception"

        class _Capped(io.TextIOBase):
            # Drops the solution's output past its budget in-process, so a flood costs no pipe traffic.
            def __init__(self, target, budget):
                self.target, self.left = target, budget
            def write(self, s):
                part = s[: max(self.left, 0)]
                if part:
                    self.target.write(part)
                    self.left -= len(part)
                if len(part) < len(s) and self.left >= 0:
                    self.target.write("\n[output cut]\n")
                    self.left = -1
                return len(s)
            def flush(self):
                self.target.flush()

        def _main():
            requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
            reply_fd, me = os.dup(1), os.getpid()
            quiet = os.open(os.devnull, os.O_RDONLY)
            os.dup2(quiet, 0)
            os.dup2(2, 1)
            budget = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 16
            sys.stdout, sys.stderr = _Capped(sys.stdout, budget), _Capped(sys.stderr, budget)

            def send(obj):
                if os.getpid() != me:
                    os._exit(0)  # A fork made by the code must neither answer nor run on.
                if sys.stdout.left < 0 or sys.stderr.left < 0:
                    obj["cut"] = True
                data = (dumps(obj) + "\n").encode("utf-8")
                while data:
                    data = data[os.write(reply_fd, data):]

            sys.argv = ["solution.py"]
            module = type(sys)("solution")
            module.__file__ = "solution.py"
            sys.modules["solution"] = module
            ns = module.__dict__
            try:
                with open("solution.py", encoding="utf-8") as f:
                    text = f.read()
                linecache.cache["solution.py"] = (len(text), None, text.splitlines(True), "solution.py")
                exec(compile(text, "solution.py", "exec"), ns)
            except BaseException as e:
                send({"load_error": _describe_load(e)})
                return
            functions, values = [], {}
            for name, value in list(ns.items()):
                if name.startswith("__") or type(value) is type(sys):
                    continue
                if callable(value):
                    functions.append(name)
                else:
                    try:
                        values[name] = enc(value)
                    except Unpassable:
                        pass
            send({"loaded": {"functions": functions, "values": values}})
            for line in requests:
                call = json.loads(line)
                args, kwargs = dec(call["args"]), dec(call["kwargs"])
                try:
                    result = ns[call["name"]](*args, **kwargs)
                except BaseException as e:
                    where = frame_text(traceback.extract_tb(e.__traceback__), "solution.py")
                    try:
                        eargs = enc(list(e.args))
                    except Unpassable:
                        eargs = enc([str(e)])
                    send({"raise": {"type": type(e).__name__, "base": _builtin_base(type(e)), "args": eargs, "where": where}})
                    continue
                # Returning an argument itself stays `is` the tests' own object.
                same = [i for i, a in enumerate(args) if a is result] + [k for k, a in kwargs.items() if a is result]
                try:
                    reply = {"same": same[0]} if same else {"ok": enc(result)}
                except Unpassable as e:
                    send({"error": "`%s` returned %s, which cannot be passed back to the tests (only None, bool, int, float, complex, str, bytes, list, tuple, dict, set, range and iterators of those)" % (call["name"], e)})
                    continue
                try:
                    # The tests see changes made to their arguments, as they would in one process.
                    reply["args"], reply["kwargs"] = enc(args), enc(kwargs)
                except Unpassable:
                    pass
                send(reply)

        _main()
        """;
}

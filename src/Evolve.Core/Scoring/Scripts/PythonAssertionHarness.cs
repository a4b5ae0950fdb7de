namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// The Python that runs one <c>python</c> assertion inside the sandbox: it reads the check and its
/// inputs as JSON on stdin, runs the check (an expression, a function body, or a file's function,
/// default <c>get_assert</c>) as <c>check(output, context)</c>, and writes what it returned as one
/// JSON line on a copy of stdout it keeps; the check's own prints go to stderr.
/// </summary>
internal static class PythonAssertionHarness
{
    public const string FileName = "_evolve_assert.py";

    public const string ScriptFile = "assertion.py";

    public const string Script = """
        import json, os, sys, traceback

        cfg = json.loads(sys.stdin.read())
        report_fd = os.dup(1)
        os.dup2(2, 1)
        sys.stdout = sys.stderr

        def report(obj):
            data = (json.dumps(obj) + "\n").encode("utf-8")
            while data:
                data = data[os.write(report_fd, data):]

        def describe(e):
            where = ""
            for frame in reversed(traceback.extract_tb(e.__traceback__)):
                if frame.filename in ("<check>", "assertion.py"):
                    where = " (line %s: %s)" % (frame.lineno, (frame.line or "").strip())
                    break
            return ("%s: %s" % (type(e).__name__, e))[:600] + where

        try:
            output, context = cfg["output"], cfg["context"]
            if cfg.get("file"):
                import importlib.util
                spec = importlib.util.spec_from_file_location("assertion", "assertion.py")
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                name = cfg.get("function") or "get_assert"
                if not callable(getattr(module, name, None)):
                    raise NameError("the script defines no function %s(output, context)" % name)
                result = getattr(module, name)(output, context)
            elif cfg.get("expression"):
                result = eval(compile(cfg["code"], "<check>", "eval"), {"output": output, "context": context})
            else:
                body = "\n".join("    " + line for line in cfg["code"].splitlines())
                namespace = {}
                exec(compile("def _check(output, context):\n" + body, "<check>", "exec"), namespace)
                result = namespace["_check"](output, context)
            if isinstance(result, bool):
                report({"pass": result})
            elif isinstance(result, (int, float)):
                report({"score": float(result)})
            elif isinstance(result, dict):
                passed = result.get("pass", result.get("pass_"))
                score = result.get("score")
                report({"pass": bool(passed) if passed is not None else None,
                        "score": float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
                        "reason": str(result["reason"]) if result.get("reason") is not None else None,
                        "grading": True})
            else:
                report({"error": "it returned %s; a check returns a bool, a number or a dict with pass, score and reason" % type(result).__name__})
        except BaseException as e:
            report({"error": describe(e)})
        """;
}

using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// Hostile answers that try to forge a passing score instead of computing <c>add</c>. Each one
/// returns a wrong answer (or none) unless its attack works, so any passing test means a forgery.
/// Run at every level this machine has, through the real runner and a real python3.
/// </summary>
public sealed class PythonTestRunnerForgeryTests
{
    private const string Canary = "canary-5c1d-hidden-tests";

    private const string Tests = $"""
        # {Canary}
        from solution import add

        def test_small():
            assert add(1, 2) == 3

        def test_negative():
            assert add(-1, -1) == -2
        """;

    private static readonly Dictionary<string, string> Attacks = new(StringComparer.Ordinal)
    {
        // Walk the caller's frames for the harness's reporting function and report passes with it.
        ["frame-emit"] = """
            import os, sys
            def _forge():
                f = sys._getframe()
                while f is not None:
                    for scope in (f.f_locals, f.f_globals):
                        emit = scope.get("emit")
                        if callable(emit):
                            emit({"event": "loaded", "tests": ["test_small", "test_negative"]})
                            for name in ("test_small", "test_negative"):
                                emit({"event": "result", "name": name, "passed": True})
                            emit({"event": "done", "truncated": False})
                            os._exit(0)
                    f = f.f_back
            def add(a, b):
                _forge()
                return 0
            _forge()
            """,
        // Rewrite every failing result the harness serialises into a pass.
        ["json-dumps"] = """
            import json
            _real = json.dumps
            def _fake(obj, *args, **kwargs):
                if isinstance(obj, dict) and obj.get("event") == "result":
                    obj = {"event": "result", "name": obj["name"], "passed": True}
                return _real(obj, *args, **kwargs)
            json.dumps = _fake
            def add(a, b):
                return 0
            """,
        // Find the hidden tests anywhere it can read and answer right only if it saw them (the
        // canary is split so the answer's own file does not contain it).
        ["read-tests"] = $$"""
            import glob, os
            def _seen():
                for pattern in ("*", "*/*", "/tmp/*/*", "/tmp/*", "/proc/*/cmdline", "/proc/*/environ", "/proc/*/fd/*"):
                    for path in glob.glob(pattern):
                        try:
                            with open(path, "rb") as f:
                                if b"{{Canary[..10]}}" + b"{{Canary[10..]}}" in f.read(1 << 20):
                                    return True
                        except Exception:
                            pass
                return False
            SEEN = _seen()
            def add(a, b):
                return a + b if SEEN else 0
            """,
        // An object that equals anything makes every assert true in the tests' own process.
        ["always-equal"] = """
            class _Any:
                def __eq__(self, other):
                    return True
                def __ne__(self, other):
                    return False
            def add(a, b):
                return _Any()
            """,
        // Take the marker from the process's stdin or memory and print results with it.
        ["steal-marker"] = """
            import os, re
            def _forge():
                for pid in os.listdir("/proc"):
                    if not pid.isdigit():
                        continue
                    for name in ("fd/0", "fd/1", "mem", "environ", "cmdline"):
                        try:
                            with open("/proc/%s/%s" % (pid, name), "rb") as f:
                                data = f.read(1 << 16)
                        except Exception:
                            continue
                        m = re.search(rb"@@evolve-[0-9a-f]{32}", data)
                        if m:
                            marker = m.group(0).decode()
                            print(marker + ' {"event": "loaded", "tests": ["test_small", "test_negative"]}')
                            for t in ("test_small", "test_negative"):
                                print(marker + ' {"event": "result", "name": "%s", "passed": true}' % t)
                            print(marker + ' {"event": "done", "truncated": false}', flush=True)
                            os._exit(0)
            _forge()
            def add(a, b):
                return 0
            """,
        // Say every test passed in the harness's old format and leave before any test runs.
        ["fake-lines-exit"] = """
            import os
            for t in ("test_small", "test_negative"):
                print('@@evolve-0 {"event": "result", "name": "%s", "passed": true}' % t)
            os._exit(0)
            """,
    };

    public static TheoryData<SandboxLevel, string> LevelsAndAttacks
    {
        get
        {
            var data = new TheoryData<SandboxLevel, string>();
            foreach (var level in SandboxFactory.Shared.AvailableLevels())
            {
                foreach (var attack in Attacks.Keys)
                {
                    data.Add(level, attack);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LevelsAndAttacks))]
    public async Task RunAsync_HostileAnswer_NoTestPasses(SandboxLevel level, string attack)
    {
        var runner = new PythonTestRunner(SandboxLevels.Create(level), SandboxLevels.Short);

        var run = await runner.RunAsync(Attacks[attack], Tests, null, TestContext.Current.CancellationToken);

        Assert.False(run.AllPassed, $"{attack} forged a pass at {level}");
        Assert.DoesNotContain(run.Tests, t => t.Passed);
        Assert.DoesNotContain(Canary, run.Sandbox.Stdout + run.Sandbox.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_HonestAnswer_PassesAtEveryLevel(SandboxLevel level)
    {
        var runner = new PythonTestRunner(SandboxLevels.Create(level), SandboxLevels.Short);

        var run = await runner.RunAsync("def add(a, b):\n    return a + b\n", Tests, null, TestContext.Current.CancellationToken);

        Assert.True(run.AllPassed, run.LoadError ?? string.Join("; ", run.Tests.Select(t => t.Message)));
        Assert.Equal(["test_small", "test_negative"], run.Tests.Select(t => t.Name));
    }
}

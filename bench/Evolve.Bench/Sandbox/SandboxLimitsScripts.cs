using System.Globalization;

namespace Evolve.Bench.Sandbox;

/// <summary>The hostile scripts of <see cref="SandboxLimitsBenchmark"/>; each prints one short line.</summary>
internal static class SandboxLimitsScripts
{
    public const string MemoryHog = """
        blocks, mib = [], 0
        try:
            while mib < 8192:
                blocks.append(bytearray(16 << 20))
                mib += 16
        except MemoryError:
            pass
        print(mib, "MiB, then MemoryError" if mib < 8192 else "MiB (script's stop)")
        """;

    public const string Threads = """
        import threading, time
        n, stop = 0, threading.Event()
        try:
            while n < 1000:
                threading.Thread(target=stop.wait, daemon=True).start()
                n += 1
            print(n, "(script's stop)")
        except RuntimeError as e:
            print(n, "then", str(e).split(":")[0])
        stop.set()
        """;

    public const string Forks = """
        import os
        r, w = os.pipe()
        pids = []
        try:
            while len(pids) < 1000:
                pid = os.fork()
                if pid == 0:
                    os.close(w)
                    os.read(r, 1)
                    os._exit(0)
                pids.append(pid)
            why = "script's stop"
        except OSError as e:
            why = e.strerror
        os.close(w)
        for pid in pids:
            os.waitpid(pid, 0)
        print(len(pids), "children, then", why)
        """;

    // Files left in a shared place (the process level's /tmp, /dev/shm) are removed by the script itself.
    public static string Fill(string place, int capMiB) => $$"""
        import os
        d, mib, why, names = {{Literal(place)}}, 0, "script's stop", []
        try:
            while mib < {{capMiB}}:
                name = os.path.join(d, "evolve-bench-fill-%d-%d" % (os.getpid(), mib))
                names.append(name)
                with open(name, "wb") as f:
                    f.write(b"\0" * (1 << 20))
                mib += 1
        except OSError as e:
            why = e.strerror
        finally:
            for name in names:
                try:
                    os.remove(name)
                except OSError:
                    pass
        print(mib, "MiB, then", why)
        """;

    public static string OneFile(int capMiB) => $$"""
        import os
        mib, why = 0, "script's stop"
        try:
            with open("big.bin", "wb") as f:
                while mib < {{capMiB}}:
                    f.write(b"\0" * (1 << 20))
                    f.flush()
                    mib += 1
        except OSError as e:
            why = e.strerror
        print(mib, "MiB, then", why)
        """;

    public static string Read(string path) => $$"""
        import os
        p = {{Literal(path)}}
        try:
            if os.path.isdir(p):
                print("listed,", len(os.listdir(p)), "entries")
            else:
                print("read,", len(open(p, "rb").read()), "bytes")
        except OSError as e:
            print("blocked:", e.strerror)
        """;

    public static string Connect(int port) => $$"""
        import socket
        try:
            socket.create_connection(("127.0.0.1", {{port.ToString(CultureInfo.InvariantCulture)}}), timeout=2)
            print("connected")
        except OSError as e:
            print("refused:", e.strerror or e)
        """;

    public static string DoubleFork(int seconds) => $$"""
        import os
        r, w = os.pipe()
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                null = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(null, fd)
                os.write(w, b"x")
                os.closerange(3, 256)
                os.execvp("sleep", ["sleep", "{{seconds.ToString(CultureInfo.InvariantCulture)}}"])
            os._exit(0)
        os.read(r, 1)
        print("forked")
        """;

    private static string Literal(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}

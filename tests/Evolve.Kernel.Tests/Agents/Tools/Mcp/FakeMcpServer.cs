using TempDirectory = Evolve.Kernel.Tests.Providers.TempDirectory;

namespace Evolve.Kernel.Tests.Agents.Tools.Mcp;

/// <summary>
/// A tiny MCP server in Python, written to a temp file: <c>serve</c> answers like a real server
/// (pings the client first, then two pages of tools: echo, fail, hang, crash), <c>noisy</c> does the
/// same after a megabyte of stderr, <c>exit</c> dies at once, <c>silent</c> never answers.
/// </summary>
internal sealed class FakeMcpServer : IDisposable
{
    private const string Script = """
        import json, os, sys

        mode = sys.argv[1]
        if mode == "exit":
            sys.stderr.write("fake server: no config found\n")
            sys.stderr.flush()
            sys.exit(3)

        initialized = False

        def send(message):
            sys.stdout.write(json.dumps(message) + "\n")
            sys.stdout.flush()

        def tool(name, description):
            return {"name": name, "description": description,
                    "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}

        for line in sys.stdin:
            if mode == "silent":
                continue
            msg = json.loads(line)
            method, mid, params = msg.get("method"), msg.get("id"), msg.get("params") or {}
            if method == "notifications/initialized":
                initialized = True
            elif method == "initialize":
                if mode == "noisy":
                    sys.stderr.write("x" * 1000000)
                    sys.stderr.flush()
                send({"jsonrpc": "2.0", "id": "ping-1", "method": "ping"})
                pong = json.loads(sys.stdin.readline())
                ok = pong == {"jsonrpc": "2.0", "id": "ping-1", "result": {}}
                ok = ok and params.get("protocolVersion") == "2025-06-18" and params.get("clientInfo", {}).get("name") == "evolve"
                if ok:
                    send({"jsonrpc": "2.0", "id": mid, "result": {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}}, "serverInfo": {"name": "fake", "version": "1"}}})
                else:
                    send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32602, "message": "bad initialize: " + json.dumps(params)}})
            elif method == "tools/list" and not initialized:
                send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32600, "message": "tools/list before notifications/initialized"}})
            elif method == "tools/list" and params.get("cursor") is None:
                send({"jsonrpc": "2.0", "id": mid, "result": {"tools": [tool("echo", "Echoes text.")], "nextCursor": "page2"}})
            elif method == "tools/list" and params.get("cursor") == "page2":
                send({"jsonrpc": "2.0", "id": mid, "result": {"tools": [tool("fail", "Always fails."), tool("hang", "Never answers."), tool("crash", "Exits.")]}})
            elif method == "tools/call":
                name, args = params["name"], params.get("arguments", {})
                if name == "echo":
                    text = os.environ.get("ECHO_PREFIX", "") + args["text"]
                    send({"jsonrpc": "2.0", "id": mid, "result": {"content": [{"type": "text", "text": text}, {"type": "text", "text": "done"}]}})
                elif name == "crash":
                    sys.exit(1)
                elif name == "fail":
                    send({"jsonrpc": "2.0", "id": mid, "result": {"content": [{"type": "text", "text": "cannot " + args["text"]}], "isError": True}})
            elif mid is not None:
                send({"jsonrpc": "2.0", "id": mid, "error": {"code": -32601, "message": "unknown method " + str(method)}})
        """;

    private readonly TempDirectory _temp = new();

    public FakeMcpServer() => File.WriteAllText(ScriptPath, Script);

    public string ScriptPath => _temp.File("fake_mcp.py");

    public void Dispose() => _temp.Dispose();
}

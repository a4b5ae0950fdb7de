using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// A <c>javascript</c> assertion's code, parsed once and called once per answer as
/// <c>fn(output, context)</c> in a fresh Jint engine. The engine gets no CLR access (nothing but
/// JavaScript values crosses in), no <c>eval</c>, no file system (a script's own files are read
/// once, <see cref="ScriptBundle"/>, and served from memory), and the time, memory and call-depth
/// limits it is given, so a hostile suite script can fail its own assertion and nothing else.
/// </summary>
internal sealed class JavaScriptFunction
{
    private readonly Prepared<Script> _script;
    private readonly ScriptModuleLoader? _modules;
    private readonly string? _entry;
    private readonly string? _export;

    private JavaScriptFunction(Prepared<Script> script, string shown)
    {
        _script = script;
        Shown = shown;
    }

    private JavaScriptFunction(ScriptModuleLoader modules, string entry, string export, string shown)
    {
        (_modules, _entry, _export, Shown) = (modules, entry, export, shown);
    }

    /// <summary>How feedback names the check: the inline code, or the file (and function).</summary>
    public string Shown { get; }

    /// <summary>
    /// Inline code as promptfoo reads it: several lines are a function body that returns the
    /// result; one line is an expression (after any leading <c>const</c>/<c>let</c>/<c>var</c> statements).
    /// </summary>
    /// <exception cref="FormatException">The code does not parse.</exception>
    public static JavaScriptFunction Inline(string code)
    {
        var trimmed = code.TrimEnd();
        var body = trimmed.Contains('\n', StringComparison.Ordinal) ? trimmed : SingleLineBody(trimmed);
        return new JavaScriptFunction(Prepare($"(function (output, context) {{\n{body}\n}})", "javascript assertion"), trimmed);
    }

    /// <summary>
    /// A script file and the files beside it that it loads. CommonJS: <c>module.exports</c> is the
    /// function, or holds it under <paramref name="functionName"/> (promptfoo's
    /// <c>file://check.js:name</c>) or <c>default</c>. An ES module (<c>.mjs</c>, or
    /// <c>export</c>/<c>import</c> code): its default export, or the named one.
    /// </summary>
    /// <exception cref="FormatException">The code does not parse, or it loads a file outside <paramref name="root"/>.</exception>
    public static JavaScriptFunction File(string root, string path, string? functionName)
    {
        var bundle = ScriptBundle.Read(root, path);
        var shown = Path.GetFileName(path) + (functionName is null ? "" : ":" + functionName);
        if (bundle.IsModule)
        {
            return new JavaScriptFunction(new ScriptModuleLoader(bundle), bundle.Entry, functionName ?? "default", shown);
        }

        var pick = functionName is null
            ? "typeof e === 'function' ? e : e && e.default"
            : $"e && e[{System.Text.Json.JsonSerializer.Serialize(functionName)}]";
        var wrapped = $"(function () {{ var e = {bundle.CommonJs()};\nreturn {pick}; }})()";
        return new JavaScriptFunction(Prepare(wrapped, path), shown);
    }

    /// <summary>Calls the function on <paramref name="output"/> with the context (a JSON object) under the limits.</summary>
    public ScriptResult Call(string output, string contextJson, JavaScriptLimits limits, CancellationToken cancellationToken) =>
        Run(output, contextJson, limits, (_, result) => Read(result), ScriptResult.Error, cancellationToken);

    /// <summary>
    /// A transform: the function's result as the text the assertion then checks (a string as it is,
    /// anything else as JSON), or null with <paramref name="failure"/> saying why.
    /// </summary>
    public string? Transform(string output, string contextJson, JavaScriptLimits limits, out string? failure, CancellationToken cancellationToken)
    {
        var (text, problem) = Run<(string?, string?)>(
            output, contextJson, limits,
            (engine, result) => result.IsString() ? (result.AsString(), null)
                : result.IsUndefined() ? (null, "the transform returned undefined")
                : (new JsonSerializer(engine).Serialize(result).ToString(), null),
            error => (null, error),
            cancellationToken);
        failure = problem;
        return text;
    }

    private T Run<T>(string output, string contextJson, JavaScriptLimits limits, Func<Engine, JsValue, T> read, Func<string, T> error, CancellationToken cancellationToken)
    {
        var engine = new Engine(options =>
        {
            options.TimeoutInterval(limits.Timeout)
                .LimitMemory(limits.MemoryBytes)
                .LimitRecursion(limits.Recursion)
                .CancellationToken(cancellationToken)
                .DisableStringCompilation();
            if (_modules is not null)
            {
                options.EnableModules(_modules);
            }
        });
        try
        {
            var function = _modules is null ? engine.Evaluate(in _script) : engine.Modules.Import(_entry!).Get(_export!);
            if (function is not Jint.Native.Function.Function)
            {
                return error($"{Shown} does not provide a function (it gave {Describe(function)})");
            }

            var context = new JsonParser(engine).Parse(contextJson);
            var result = engine.Invoke(function, new JsString(output), context).UnwrapIfPromise(limits.Timeout);
            return read(engine, result);
        }
        catch (ExecutionCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (JavaScriptException e)
        {
            return error($"the script threw: {e.Message}");
        }
        catch (TimeoutException)
        {
            return error($"the script ran longer than {limits.Timeout.TotalSeconds:0.###} s and was stopped");
        }
        catch (MemoryLimitExceededException)
        {
            return error($"the script allocated more than {limits.MemoryBytes / (1024 * 1024)} MiB and was stopped");
        }
        catch (RecursionDepthOverflowException)
        {
            return error($"the script nested calls deeper than {limits.Recursion} and was stopped");
        }
        catch (Exception e) when (e is JintException or InvalidOperationException or ArgumentException)
        {
            return error($"the script failed: {e.Message}");
        }
    }

    // promptfoo turns "const s = ...; s > 0.5" into "const s = ...; return s > 0.5": the return goes
    // before the last statement, found by parsing rather than by searching for a semicolon.
    private static string SingleLineBody(string line)
    {
        var code = line.Trim().TrimEnd(';').TrimEnd();
        if (!code.StartsWith("const ", StringComparison.Ordinal) && !code.StartsWith("let ", StringComparison.Ordinal) && !code.StartsWith("var ", StringComparison.Ordinal))
        {
            return "return " + code;
        }

        Script parsed;
        try
        {
            parsed = new Acornima.Parser().ParseScript(code);
        }
        catch (Acornima.ParseErrorException e)
        {
            throw new FormatException("the JavaScript does not parse: " + e.Message, e);
        }

        return parsed.Body is [.., ExpressionStatement last] ? code[..last.Start] + "return " + code[last.Start..] : code;
    }

    private static Prepared<Script> Prepare(string code, string source)
    {
        try
        {
            return Engine.PrepareScript(code, source);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FormatException("the JavaScript does not parse: " + (e.InnerException ?? e).Message, e);
        }
    }

    private static ScriptResult Read(JsValue result)
    {
        if (result.IsBoolean())
        {
            return ScriptResult.Boolean(result.AsBoolean());
        }

        if (result.IsNumber() && double.IsFinite(result.AsNumber()))
        {
            return ScriptResult.Number(result.AsNumber());
        }

        if (result is JsObject grading && (grading.HasProperty("pass") || grading.HasProperty("score")))
        {
            var pass = grading.Get("pass");
            var score = grading.Get("score");
            var reason = grading.Get("reason");
            if ((!pass.IsUndefined() && !pass.IsBoolean()) || (!score.IsUndefined() && !(score.IsNumber() && double.IsFinite(score.AsNumber()))))
            {
                return ScriptResult.Error("the script's {pass, score, reason} needs pass to be a boolean and score a finite number");
            }

            return ScriptResult.Grading(
                pass.IsBoolean() ? pass.AsBoolean() : null,
                score.IsNumber() ? score.AsNumber() : null,
                reason.IsString() ? reason.AsString() : null);
        }

        return ScriptResult.Error($"the script must return a boolean, a number or {{pass, score, reason}}, not {Describe(result)}");
    }

    private static string Describe(JsValue value) => value.IsNull() ? "null" : value.IsUndefined() ? "undefined" : value.Type.ToString().ToLowerInvariant();
}

using Evolve.Core.Scoring;
using Evolve.Core.Scoring.Scripts;
using Evolve.Core.Suites;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class JavaScriptEvaluatorTests : IDisposable
{
    // Short limits keep the hostile-script tests quick; the defaults are 1 s and 64 MiB.
    private static readonly ScoringServices Tight = new()
    {
        JavaScript = new JavaScriptLimits { Timeout = TimeSpan.FromMilliseconds(300), MemoryBytes = 8L * 1024 * 1024, Recursion = 64 },
    };

    // The suite's folder sits inside the temporary one, so a script just outside it can be written.
    private readonly string _temp = Directory.CreateTempSubdirectory("evolve-js-").FullName;

    private string Suite => Directory.CreateDirectory(Path.Combine(_temp, "suite")).FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("Hello, World!", true)]
    [InlineData("Goodbye", false)]
    public async Task Expression_Boolean_PassesOrFails(string output, bool pass)
    {
        var score = await ScoreAsync(Spec("javascript", "output.includes('Hello')"), output);

        Assert.Equal((pass, pass ? 1.0 : 0.0), (score.Pass, score.Value));
        if (!pass)
        {
            Assert.Equal("javascript: the JavaScript check \"output.includes('Hello')\" failed: it returned false.", score.Feedback);
        }
    }

    [Theory]
    [InlineData("abcdef", true, 0.6)]
    [InlineData("abc", false, 0.3)]
    public async Task Number_IsTheScore_PassingAtTheThreshold(string output, bool pass, double value)
    {
        var score = await ScoreAsync(Spec("javascript", "output.length / 10", threshold: 0.5), output);

        Assert.Equal((pass, value), (score.Pass, Math.Round(score.Value, 6)));
        Assert.True(pass || score.Feedback.Contains("it scored 0.3, threshold 0.5", StringComparison.Ordinal), score.Feedback);
    }

    [Fact]
    public async Task Number_WithoutThreshold_PassesAboveZero()
    {
        Assert.True((await ScoreAsync(Spec("javascript", "output.length"), "x")).Pass);
        Assert.False((await ScoreAsync(Spec("javascript", "output.length"), "")).Pass);
    }

    [Fact]
    public async Task Context_Prompt_IsTheAnsweredPromptOrUndefinedWhenUnknown()
    {
        var spec = Spec("javascript", "context.prompt === undefined ? 0.5 : context.prompt.includes('capital') && context.vars.city === 'Paris'");
        var evalCase = Case(vars: new Dictionary<string, object?> { ["city"] = "Paris" });

        var known = await ScoreAsync(spec, "Paris", evalCase, answer: new Answer("Paris") { Prompt = "Name the capital of France." });
        var unknown = await ScoreAsync(spec, "Paris", evalCase);

        Assert.Equal((true, 1.0), (known.Pass, known.Value));
        Assert.Equal(0.5, unknown.Value);
    }

    [Fact]
    public async Task FunctionBody_GradingResult_ReadsVarsAndGivesItsReason()
    {
        const string Body = """
            if (output.trim() === context.vars.name) {
              return { pass: true, score: 1, reason: 'named' };
            }
            return { pass: false, score: 0.25, reason: 'expected ' + context.test.vars.name };
            """;
        var evalCase = Case(vars: new Dictionary<string, object?> { ["name"] = "Ada" });

        var good = await ScoreAsync(Spec("javascript", Body), " Ada ", evalCase);
        var bad = await ScoreAsync(Spec("javascript", Body), "Grace", evalCase);

        Assert.True(good.Pass);
        Assert.Equal((false, 0.25), (bad.Pass, bad.Value));
        Assert.EndsWith("failed: expected Ada.", bad.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleLine_WithDeclarations_ReturnsTheLastExpression()
    {
        var spec = Spec("javascript", "const words = output.split(' '); const n = words.length; n === 3;");

        Assert.True((await ScoreAsync(spec, "one two three")).Pass);
        Assert.False((await ScoreAsync(spec, "one two")).Pass);
    }

    [Fact]
    public async Task Negated_FlipsTheVerdict()
    {
        var score = await ScoreAsync(Spec("javascript", "output.includes('sorry')", negate: true), "I am sorry");

        Assert.False(score.Pass);
        Assert.Contains("must not pass", score.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("while (true) {}\nreturn true;", "ran longer than 0.3 s")]
    [InlineData("let s = 'x'; while (true) { s = s + s; }", "allocated more than 8 MiB")]
    [InlineData("function f(n) { return f(n + 1); }\nreturn f(0);", "nested calls deeper than 64")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "the script threw")]
    [InlineData("require('fs').readFileSync('/etc/passwd')", "the script threw")]
    [InlineData("eval('1 + 1') === 2", "the script threw")]
    [InlineData("importNamespace('System.IO')", "the script threw")]
    [InlineData("if (output) throw new Error('boom');\nreturn true;", "the script threw: boom")]
    [InlineData("'a string'", "must return a boolean, a number or {pass, score, reason}, not string")]
    public async Task HostileOrBrokenScript_FailsThisAssertionEvenNegated(string code, string reason)
    {
        var plain = await ScoreAsync(Spec("javascript", code), "answer", services: Tight);
        var negated = await ScoreAsync(Spec("javascript", code, negate: true), "answer", services: Tight);

        Assert.False(plain.Pass);
        Assert.False(negated.Pass);
        Assert.Equal(0, negated.Value);
        Assert.Contains(reason, plain.Feedback, StringComparison.Ordinal);
        Assert.Contains(plain.Diagnostics, d => d.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void SyntaxError_IsASuiteErrorOnTheValue()
    {
        var errors = AssertionSpecValidator.Validate(Spec("javascript", "output.includes('x'"), "assert[0]");

        var error = Assert.Single(errors);
        Assert.Equal(("assert[0].value", 12), (error.Field, error.Line));
        Assert.StartsWith("the JavaScript does not parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileScript_ModuleExportsAndNamedFunction_AreCalled()
    {
        File.WriteAllText(Path.Combine(Suite, "checks.js"), """
            module.exports = (output, context) => output.length > context.vars.min;
            module.exports.shouts = (output) => ({ pass: output === output.toUpperCase(), score: 0.5, reason: 'case checked' });
            """);
        var at = new SourceLocation(Path.Combine(Suite, "cases.yaml"), 3);
        var evalCase = Case(vars: new Dictionary<string, object?> { ["min"] = 3 });

        var whole = await ScoreAsync(Spec("javascript", "file://checks.js") with { Source = at }, "long enough", evalCase);
        var named = await ScoreAsync(Spec("javascript", "file://checks.js:shouts") with { Source = at }, "quiet", evalCase);

        Assert.True(whole.Pass);
        Assert.Equal((false, 0.5), (named.Pass, named.Value));
        Assert.Contains("\"checks.js:shouts\" failed: case checked", named.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file://../outside.js", "outside")]
    [InlineData("file://missing.js", "does not exist")]
    public void FileScript_OutsideTheFolderOrMissing_IsASuiteError(string value, string message)
    {
        File.WriteAllText(Path.Combine(_temp, "outside.js"), "module.exports = () => true;");
        var spec = Spec("javascript", value) with { Source = new SourceLocation(Path.Combine(Suite, "cases.yaml"), 3) };

        var error = Assert.Single(AssertionSpecValidator.Validate(spec, "assert[0]"));

        Assert.Equal("assert[0].value", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private SourceLocation InSuite => new(Path.Combine(Suite, "cases.yaml"), 3);

    [Fact]
    public async Task FileScript_RequiresFilesBesideIt_CodeAndJson()
    {
        Directory.CreateDirectory(Path.Combine(Suite, "lib"));
        File.WriteAllText(Path.Combine(Suite, "main.js"), "const words = require('./lib/words');\nconst { min } = require('./limits.json');\nmodule.exports = (output) => output.split(' ').length >= min && words.polite(output);");
        File.WriteAllText(Path.Combine(Suite, "lib", "words.js"), "exports.polite = (t) => require('../lib/again.js').has(t, 'please');");
        File.WriteAllText(Path.Combine(Suite, "lib", "again.js"), "module.exports = { has: (t, w) => t.includes(w) };");
        File.WriteAllText(Path.Combine(Suite, "limits.json"), "{\"min\": 2}");

        Assert.True((await ScoreAsync(Spec("javascript", "file://main.js") with { Source = InSuite }, "yes please")).Pass);
        Assert.False((await ScoreAsync(Spec("javascript", "file://main.js") with { Source = InSuite }, "no")).Pass);
    }

    [Fact]
    public async Task FileScript_EsModule_DefaultAndNamedExports_WithImports()
    {
        File.WriteAllText(Path.Combine(Suite, "check.mjs"), "import { has } from './util.mjs';\nexport default function (output, context) { return has(output, context.vars.name); }\nexport const short = (output) => ({ pass: output.length < 5, score: 0.25 });");
        File.WriteAllText(Path.Combine(Suite, "util.mjs"), "export function has(text, word) { return text.includes(word); }");
        var evalCase = Case(vars: new Dictionary<string, object?> { ["name"] = "Ada" });

        Assert.True((await ScoreAsync(Spec("javascript", "file://check.mjs") with { Source = InSuite }, "Hi Ada", evalCase)).Pass);
        Assert.Equal(0.25, (await ScoreAsync(Spec("javascript", "file://check.mjs:short") with { Source = InSuite }, "tiny", evalCase)).Value);
    }

    [Theory]
    [InlineData("cjs.js", "module.exports = () => require('fs').readFileSync('/etc/passwd', 'utf8').length > 0;", "require('fs') is not available")]
    [InlineData("esm.mjs", "import fs from 'fs';\nexport default () => true;", "import 'fs' is not available")]
    public async Task FileScript_NodeModules_FailTheAssertionWithTheReason(string file, string code, string reason)
    {
        File.WriteAllText(Path.Combine(Suite, file), code);

        var score = await ScoreAsync(Spec("javascript", "file://" + file) with { Source = InSuite }, "anything");

        Assert.False(score.Pass);
        Assert.Contains(reason, score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void FileScript_RequiringAFileOutsideTheFolder_IsASuiteError()
    {
        File.WriteAllText(Path.Combine(_temp, "secret.js"), "module.exports = 1;");
        File.WriteAllText(Path.Combine(Suite, "leak.js"), "module.exports = () => require('../secret.js') === 1;");

        var error = Assert.Single(AssertionSpecValidator.Validate(Spec("javascript", "file://leak.js") with { Source = InSuite }, "assert[0]"));

        Assert.Contains("outside the suite's folder", error.Message, StringComparison.Ordinal);
    }
}

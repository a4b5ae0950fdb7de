using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Suites;

public sealed class AssertionTemplateTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    [Fact]
    public void Load_TemplatedDefault_BecomesEachCasesOwnRenderedAssertion()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\ndefault_assert:\n  - type: word-count\n    value: 3\n  - type: icontains\n    value: \"{{ capital }}\"\n");
        _evals.Write("s/c.yaml", """
            - id: fr
              vars: { capital: Paris, n: 2 }
              assert: [{ type: contains-any, value: ["{{ capital }}", "x"] }, { type: numeric, value: "{{ n }}" }]
            - id: jp
              vars: { capital: Tokyo, n: 3 }
            """);

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal("word-count", Assert.Single(suite.DefaultAssertions).Type);
        Assert.Equal(
            [("icontains", (object?)"Paris"), ("contains-any", new List<object?> { "Paris", "x" }), ("numeric", "2")],
            suite.Cases[0].Assertions.Select(a => (a.Type, a.Value)));
        Assert.Equal([("icontains", (object?)"Tokyo")], suite.Cases[1].Assertions.Select(a => (a.Type, a.Value)));
        Assert.Empty(suite.TemplateWarnings);
    }

    [Fact]
    public void Load_VarMissingInSomeCases_RendersEmptyWithOneWarning()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\ndefault_assert:\n  - type: contains\n    value: \"Dear {{ title }} {{ name }}\"\n");
        _evals.Write("s/c.yaml", "- id: one\n  vars: { name: Ada }\n- id: two\n  vars: { name: Alan }\n- id: three\n  vars: { name: Grace, title: Dr }\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal(["Dear  Ada", "Dear  Alan", "Dear Dr Grace"], suite.Cases.Select(c => (string)c.Assertions[0].Value!));
        Assert.Equal(
            [$"{_evals.PathOf("s", "suite.yaml")}:4: default_assert[0].value reads 'title', which 2 cases (first 'one') do not define; it renders empty"],
            suite.TemplateWarnings);
    }

    [Theory]
    [InlineData("{ type: contains, value: \"{{ name + }}\" }", "assert[0].value", "the value is a template that does not parse")]
    [InlineData("{ type: numeric, value: \"{{ name }}\" }", "assert[0].value", "(rendered for case 'one')")]
    public void Load_BadTemplateOrWhatItRenders_IsAnErrorNamingTheField(string assertion, string field, string message)
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", $"- id: one\n  vars: {{ name: Ada }}\n  assert: [{assertion}]\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal((_evals.PathOf("s", "c.yaml"), (int?)3, field), (error.File, error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PythonTests_AreCodeNotTemplates()
    {
        const string Tests = "def test_a():\n    assert '{{x}}'.format() == '{x}'\n";
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  assert:\n    - type: python-tests\n      value: |\n        def test_a():\n            assert '{{x}}'.format() == '{x}'\n");

        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");

        Assert.Equal(Tests, suite.Cases[0].Assertions[0].Value);
    }
}

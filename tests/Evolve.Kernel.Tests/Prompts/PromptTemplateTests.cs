using Evolve.Kernel.Prompts;

namespace Evolve.Kernel.Tests.Prompts;

public sealed class PromptTemplateTests
{
    [Fact]
    public void Parse_ValidTemplate_ReportsInputVariablesOnly()
    {
        var template = PromptTemplate.Parse(
            "{{ x = 3 }}Implement {{ signature }}.{{ for h in hints }}- {{ h }}{{ end }} {{ task | string.upcase }} {{ x }}",
            "task.sbn");

        Assert.Equal(["hints", "signature", "task"], template.Variables.Order());
    }

    [Fact]
    public void Parse_UnclosedBlock_NamesFileLineAndColumn()
    {
        var ex = Assert.Throws<InputException>(() => PromptTemplate.Parse("line one\n{{ if x }}\nno end", "system.sbn"));

        var error = Assert.Single(ex.Errors.Take(1));
        Assert.Equal("system.sbn", error.File);
        Assert.NotNull(error.Line);
        Assert.StartsWith("column ", error.Field);
    }

    [Fact]
    public void Render_NestedMapsAndLists_ReadWithDotsAndLoops()
    {
        var template = PromptTemplate.Parse("{{ style.tone }}:{{ for t in tags }}[{{ t }}]{{ end }}", "t.sbn");
        var vars = new Dictionary<string, object?>
        {
            ["style"] = new Dictionary<object, object> { ["tone"] = "formal" },
            ["tags"] = new List<object> { "a", "b" },
        };

        Assert.Equal("formal:[a][b]", template.Render(vars));
    }

    [Fact]
    public void Render_MissingVariable_IsAnErrorNotABlank()
    {
        var template = PromptTemplate.Parse("Hello {{ name }}", "greet.sbn");

        var ex = Assert.Throws<InputException>(() => template.Render(new Dictionary<string, object?>()));

        Assert.Equal("greet.sbn", ex.Errors[0].File);
        Assert.Contains("name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReplacementDropsAVariable_NamesTheVariable()
    {
        var original = PromptTemplate.Parse("Implement {{ signature }}: {{ task }}", "prompts/coding/task.sbn");

        var errors = TemplateValidator.Validate("Implement it: {{ task }}", "candidate.sbn", original, new Dictionary<string, object?>());

        var error = Assert.Single(errors);
        Assert.Equal("candidate.sbn", error.File);
        Assert.Equal("signature", error.Field);
    }

    [Fact]
    public void Validate_ReplacementThatDoesNotParse_ReturnsParseError()
    {
        var original = PromptTemplate.Parse("{{ task }}", "task.sbn");

        var errors = TemplateValidator.Validate("{{ if task }} unclosed", "bad.sbn", original, new Dictionary<string, object?>());

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("bad.sbn", e.File));
    }

    [Fact]
    public void Validate_GoodReplacement_HasNoErrors()
    {
        var original = PromptTemplate.Parse("{{ task }}", "task.sbn");
        var sample = new Dictionary<string, object?> { ["task"] = "add" };

        Assert.Empty(TemplateValidator.Validate("Do this well: {{ task }}", "ok.sbn", original, sample));
    }

    [Fact]
    public void Render_RepeatedOnOneThread_EachRenderSeesOnlyItsOwnVariables()
    {
        var template = PromptTemplate.Parse("{{ a }}", "a.sbn");
        var other = PromptTemplate.Parse("{{ b }}", "b.sbn");

        var first = template.Render(new Dictionary<string, object?> { ["a"] = "one" });
        Assert.Throws<InputException>(() => other.Render(new Dictionary<string, object?>()));
        Assert.Throws<InputException>(() => other.Render(new Dictionary<string, object?> { ["a"] = "leak?" }));
        var second = template.Render(new Dictionary<string, object?> { ["a"] = "two" });

        Assert.Equal(("one", "two"), (first, second));
    }

    [Fact]
    public void ChatTemplate_RendersEachContentAlone_SoQuotesAndLineBreaksKeepTheJsonValid()
    {
        var template = PromptTemplate.Parse("[{\"role\": \"system\", \"content\": \"You help {{ who }}.\"}, {\"role\": \"user\", \"content\": \"{{ question }}\"}]", "chat.json");

        var rendered = template.Render(new Dictionary<string, object?> { ["who"] = "Ada", ["question"] = "Say \"hi\"\non two lines" });

        Assert.True(template.IsChat);
        Assert.Equal(["question", "who"], template.Variables.Order(StringComparer.Ordinal));
        Assert.Equal([("system", "You help Ada."), ("user", "Say \"hi\"\non two lines")], ChatPrompt.TryRead(rendered));
    }

    [Fact]
    public void ChatTemplate_SyntaxError_NamesTheMessage()
    {
        var error = Assert.Throws<InputException>(() => PromptTemplate.Parse("[{\"role\": \"user\", \"content\": \"ok\"}, {\"role\": \"user\", \"content\": \"{{ if }}\"}]", "chat.json"));

        Assert.StartsWith("message 2: ", error.Errors[0].Field, StringComparison.Ordinal);
    }
}

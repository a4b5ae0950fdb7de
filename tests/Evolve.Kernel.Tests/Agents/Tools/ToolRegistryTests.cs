using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Tools;
using Microsoft.Extensions.AI;
using TempDirectory = Evolve.Kernel.Tests.Providers.TempDirectory;

namespace Evolve.Kernel.Tests.Agents.Tools;

public sealed class ToolRegistryTests
{
    [Fact]
    public void Resolve_ListedTools_InListedOrderWithSchemas()
    {
        using var temp = new TempDirectory();
        var registry = new ToolRegistry(new ToolServices { Sandbox = _ => Task.FromResult<Evolve.Kernel.Sandbox.ISandbox>(new FakeSandbox("")), Memory = new AgentMemory(temp.Path) });

        var tools = registry.Resolve(["read_skill", "run_python", "memory"], "agent.yaml");

        Assert.Equal(["read_skill", "run_python", "memory"], tools.Select(t => t.Name));
        var schema = ((AIFunction)tools[1]).JsonSchema.GetRawText();
        Assert.Contains("\"code\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"tests\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"required\":[\"code\"]", schema.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownAndUnavailable_ThrowsListingBothUnderToolsField()
    {
        var registry = new ToolRegistry(new ToolServices());

        var ex = Assert.Throws<InputException>(() => registry.Resolve(["web_fetch", "memory", "run_python"], "prompts/a/agent.yaml"));

        Assert.Equal(3, ex.Errors.Count);
        Assert.All(ex.Errors, e => Assert.Equal(("prompts/a/agent.yaml", "tools"), (e.File, e.Field)));
        Assert.Contains("unknown tool 'web_fetch'", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("not available", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_CustomTool_ResolvableByName()
    {
        var registry = new ToolRegistry(new ToolServices())
            .Add(AIFunctionFactory.Create((string q) => q.ToUpperInvariant(), "shout", "Shouts."));

        var tool = Assert.Single(registry.Resolve(["shout"], "agent.yaml"));

        Assert.Equal("Shouts.", tool.Description);
    }

    [Fact]
    public void Truncate_LongText_CutsToCapAndSaysHowMuch()
    {
        var text = new string('x', 10_000);

        var cut = ToolText.Truncate(text, 1000);

        var kept = cut.TakeWhile(c => c == 'x').Count();
        Assert.InRange(cut.Length, 900, 1000);
        Assert.EndsWith($"\n[truncated: {10_000 - kept} more characters]", cut, StringComparison.Ordinal);
        Assert.Equal("short", ToolText.Truncate("short", 1000));
    }
}

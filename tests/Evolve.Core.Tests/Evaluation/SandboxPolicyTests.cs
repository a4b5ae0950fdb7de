using Evolve.Core.Evaluation;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Evaluation;

public sealed class SandboxPolicyTests
{
    [Fact]
    public void Check_RealModelUnderProcess_IsRefusedNamingTheFlag()
    {
        var ex = Assert.Throws<InputException>(() => SandboxPolicy.Check("openai:gpt-4.1-mini", "process", allowUnsandboxed: false));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("--sandbox", error.File);
        Assert.StartsWith("code from openai:gpt-4.1-mini would run as a plain process", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-unsandboxed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai:gpt-4.1-mini", "process", true)]
    [InlineData("openai:gpt-4.1-mini", "bwrap", false)]
    [InlineData("ollama:qwen2.5-coder:7b", "namespaces", false)]
    [InlineData("anthropic:claude-sonnet-4", "none", false)]
    [InlineData("sim", "process", false)]
    [InlineData("echo", "process", false)]
    public void Check_AllowedCombinations_DoNotThrow(string model, string level, bool allow)
    {
        SandboxPolicy.Check(model, level, allow);
    }

    [Fact]
    public void Check_UnparsableModel_IsTreatedAsReal()
    {
        Assert.Throws<InputException>(() => SandboxPolicy.Check("an unknown model", "process", allowUnsandboxed: false));
    }

    [Fact]
    public async Task WithSandboxPolicy_RealTaskModelBuiltAfterASimReflectionModel_RefusesWhenTheScorerIsBuilt()
    {
        var dependencies = new EvalDependencies(
            spec => new ModelHandle(null!, spec.Uri, spec.Uri, spec.Uri == "sim"),
            _ => Task.FromResult(new ScorerHandle(null!, "process")),
            TimeProvider.System).WithSandboxPolicy(allowUnsandboxed: false);
        var paths = Evolve.Core.Workspace.WorkspacePaths.Resolve(Path.GetTempPath());

        dependencies.CreateReflectionModel("sim", paths);
        dependencies.CreateTaskModel("openai:gpt-4.1-mini", paths, oracles: null);

        await Assert.ThrowsAsync<InputException>(() => dependencies.CreateScorerAsync(new ScorerRequest(RunsCode: true, Level: null)));
    }

    [Fact]
    public async Task WithSandboxPolicy_RealReflectionModelBuiltBeforeASimTaskModel_AllowsProcessScorer()
    {
        var dependencies = new EvalDependencies(
            spec => new ModelHandle(null!, spec.Uri, spec.Uri, spec.Uri == "sim"),
            _ => Task.FromResult(new ScorerHandle(null!, "process")),
            TimeProvider.System).WithSandboxPolicy(allowUnsandboxed: false);
        var paths = Evolve.Core.Workspace.WorkspacePaths.Resolve(Path.GetTempPath());

        dependencies.CreateReflectionModel("openai:gpt-4.1-mini", paths);
        dependencies.CreateTaskModel("sim", paths, oracles: null);
        var scorer = await dependencies.CreateScorerAsync(new ScorerRequest(RunsCode: true, Level: null));

        Assert.Equal("process", scorer.SandboxDescription);
    }

    [Fact]
    public async Task WithSandboxPolicy_SimTaskModel_AllowsProcessScorer()
    {
        var dependencies = new EvalDependencies(
            spec => new ModelHandle(null!, spec.Uri, spec.Uri, spec.Uri == "sim"),
            _ => Task.FromResult(new ScorerHandle(null!, "process")),
            TimeProvider.System).WithSandboxPolicy(allowUnsandboxed: false);

        dependencies.CreateTaskModel("sim", Evolve.Core.Workspace.WorkspacePaths.Resolve(Path.GetTempPath()), oracles: null);
        var scorer = await dependencies.CreateScorerAsync(new ScorerRequest(RunsCode: true, Level: null));

        Assert.Equal("process", scorer.SandboxDescription);
    }
}

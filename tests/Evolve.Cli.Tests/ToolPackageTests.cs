using System.Diagnostics;

namespace Evolve.Cli.Tests;

/// <summary>
/// The CLI packs as a .NET tool: dotnet pack, dotnet tool install into a temp folder from the pack
/// folder only, then the installed evolve answers --version and scores a shipped suite.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task Pack_InstallAsTool_VersionAndEvalWork()
    {
        using var work = new TempDirectory();
        var packs = Path.Combine(work.Path, "packs");
        var tools = Path.Combine(work.Path, "tools");
        // Only the pack folder is a source, so the test needs no registry and cannot pick up another package.
        var config = work.Write("nuget.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        var project = Path.Combine(Workspace.RepoRoot, "src", "Evolve.Cli");

        // The test project has just built the CLI (Debug), so pack reuses that build.
        var pack = await RunAsync("dotnet", work.Path, "pack", project, "--no-build", "-c", "Debug", "-o", packs);
        Assert.True(pack.Code == 0, pack.Output);
        Assert.Single(Directory.GetFiles(packs, "Evolve.Workbench.*.nupkg"));

        // RunAsync gives each call a private packages folder, so a package of the same version cached earlier is not reused.
        var install = await RunAsync("dotnet", work.Path, "tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", packs, "Evolve.Workbench");
        Assert.True(install.Code == 0, install.Output);
        var evolve = Path.Combine(tools, "evolve");

        var version = await RunAsync(evolve, work.Path, "--version");
        Assert.Equal(0, version.Code);
        Assert.StartsWith("0.1.0", version.Output, StringComparison.Ordinal);

        using var workspace = Workspace.CopyShipped();
        var eval = await RunAsync(evolve, workspace.Path, "eval", "--suite", "arith", "--model", "sim", "--format", "json", "-o", "result.json");
        Assert.True(eval.Code == 0, eval.Output);
        Assert.Contains("\"meanScore\"", File.ReadAllText(Path.Combine(workspace.Path, "result.json")), StringComparison.OrdinalIgnoreCase);
        Assert.Single(Directory.GetDirectories(Path.Combine(workspace.Path, "runs")), d => !Path.GetFileName(d).StartsWith('.'));
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NUGET_PACKAGES"] = Path.Combine(directory, "nuget");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}

using System.Text;

namespace Evolve.Core.Tests.Suites;

/// <summary>Billion-laughs YAML: nine levels of ten aliases each, a billion scalars once expanded.</summary>
internal static class YamlBomb
{
    /// <summary>The anchors, one per line, each indented by <paramref name="indent"/>; the last is <c>*l9</c>.</summary>
    public static string Anchors(string indent)
    {
        var yaml = new StringBuilder($"{indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*l{level - 1}";
            yaml.Append($"{indent}l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        return yaml.ToString();
    }

    /// <summary>Runs <paramref name="load"/> off the test thread, failing the test instead of hanging it when the load does not return.</summary>
    public static async Task<T> Bounded<T>(Func<T> load)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        return await Task.Run(load, guard.Token).WaitAsync(guard.Token);
    }
}

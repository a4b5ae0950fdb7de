using System.Text;

namespace Evolve.Kernel.Tests.Yaml;

/// <summary>Billion-laughs YAML and a guard that fails a test instead of letting it hang.</summary>
internal static class KernelYamlBomb
{
    /// <summary>Nine levels of ten aliases under <paramref name="indent"/>: a billion scalars once expanded.</summary>
    public static string Anchors(string indent)
    {
        var yaml = new StringBuilder($"{indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append($"{indent}l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        return yaml.ToString();
    }

    public static async Task<InputException> Refused(Action read)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        return await Task.Run(() => Assert.Throws<InputException>(read), guard.Token).WaitAsync(guard.Token);
    }
}

using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class PythonCorruptorTests
{
    public static TheoryData<string, string, string> Samples => new()
    {
        {
            "count_positive",
            """
            def count_positive(xs):
                count = 0
                for x in xs:
                    if x > 0:
                        count += 1
                return count
            """,
            "assert count_positive([]) == 0\nassert count_positive([1, -2, 0, 3]) == 2\nassert count_positive([0]) == 0"
        },
        {
            "first_index",
            """
            def first_index(items, target):
                "Index of target, or -1 when it is # absent."
                for i in range(len(items)):
                    if items[i] == target:
                        return i
                return -1
            """,
            "assert first_index([], 1) == -1\nassert first_index([5, 7, 9], 9) == 2\nassert first_index([4], 4) == 0\nassert first_index([4], 5) == -1"
        },
        {
            "is_valid_age",
            """
            def is_valid_age(age):
                if age is None:
                    return False
                return age >= 0 and age <= 150
            """,
            "assert is_valid_age(30)\nassert is_valid_age(0)\nassert is_valid_age(150)\nassert not is_valid_age(-1)\nassert not is_valid_age(151)\nassert not is_valid_age(None)"
        },
        {
            "sum_to",
            """
            def sum_to(n):
                total = 0
                for k in range(1, n + 1):
                    total = total + k
                return total
            """,
            "assert sum_to(0) == 0\nassert sum_to(1) == 1\nassert sum_to(4) == 10"
        },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Corrupt_EveryVariant_ChangesTheCodeStaysValidAndUsuallyFailsRealTests(string name, string reference, string tests)
    {
        var variants = Enumerable.Range(0, 16).Select(pick => PythonCorruptor.Corrupt(reference, (ulong)pick)).ToList();
        Assert.All(variants, v => Assert.NotEqual(reference.Replace("\r\n", "\n", StringComparison.Ordinal), v));
        Assert.All(variants, v => Assert.Contains($"def {name}(", v, StringComparison.Ordinal));

        var results = await PythonHarness.RunAsync(tests, [reference, .. variants]);

        Assert.Equal("pass", results[0]);
        Assert.DoesNotContain(results, r => r.StartsWith("syntax", StringComparison.Ordinal));
        var failing = results.Skip(1).Count(r => r.StartsWith("fail: ", StringComparison.Ordinal));
        Assert.True(failing >= 10, $"{name}: only {failing} of 16 variants fail:\n" + string.Join("\n---\n", variants.Zip(results.Skip(1))));
    }

    [Fact]
    public void Corrupt_SameVariant_IsDeterministic()
    {
        var reference = "def f(a, b):\n    if a < b:\n        return a\n    return b\n";

        Assert.Equal(PythonCorruptor.Corrupt(reference, 12345), PythonCorruptor.Corrupt(reference, 12345));
    }

    [Fact]
    public async Task Corrupt_NothingToBreak_RaisesAtCallTime()
    {
        var reference = "def greeting():\n    return \"hello < world and more\"\n";

        var corrupted = PythonCorruptor.Corrupt(reference, 0);
        var results = await PythonHarness.RunAsync("assert greeting() == 'hello < world and more'", [corrupted]);

        Assert.Contains("raise ValueError(\"unsupported input\")", corrupted, StringComparison.Ordinal);
        Assert.Equal("fail: ValueError: unsupported input", Assert.Single(results));
    }

    [Fact]
    public void Corrupt_ComparisonInsideStringOrComment_IsLeftAlone()
    {
        var reference = "def f(x):\n    # x < 0 never happens\n    label = 'a < b'\n    return x > 1\n";

        var corrupted = PythonCorruptor.Corrupt(reference, 0);

        Assert.Contains("# x < 0 never happens", corrupted, StringComparison.Ordinal);
        Assert.Contains("'a < b'", corrupted, StringComparison.Ordinal);
        Assert.Contains("return x >= 1", corrupted, StringComparison.Ordinal);
    }
}

using Evolve.Kernel.Providers.Usage;

namespace Evolve.Kernel.Tests.Providers.Usage;

public sealed class PriceTableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("openai:gpt-4.1-mini", 0.40, 1.60)]
    [InlineData("anthropic:claude-sonnet-4-20250514", 3.00, 15.00)]
    [InlineData("ollama:qwen2.5-coder:7b", 0, 0)]
    [InlineData("sim", 0, 0)]
    public void Find_BuiltIn_MatchesExactIdOrLongestPrefixAtASeparator(string model, double input, double output)
    {
        Assert.Equal(new ModelPrice((decimal)input, (decimal)output), PriceTable.BuiltIn.Find(model));
    }

    [Fact]
    public void Find_PrefixWithoutSeparator_IsUnknown()
    {
        Assert.Null(PriceTable.BuiltIn.Find("openai:gpt-4.1x"));
        Assert.Null(PriceTable.BuiltIn.Cost("openai:unknown", 10, 10));
    }

    [Fact]
    public void Load_PricesSectionOfEvolveYaml_OverridesAndExtendsTheBuiltIns()
    {
        var path = _dir.File("evolve.yaml");
        File.WriteAllText(path, """
            models:
              default: sim
            prices:
              openai:gpt-4.1-mini: { input: 0.5, output: 2 }
              openai:my-finetune: { input: 3, output: 12 }
            """);

        var table = PriceTable.Load(path);

        Assert.Equal(new ModelPrice(0.5m, 2m), table.Find("openai:gpt-4.1-mini"));
        Assert.Equal(new ModelPrice(3m, 12m), table.Find("openai:my-finetune"));
        Assert.Equal(new ModelPrice(2.00m, 8.00m), table.Find("openai:gpt-4.1"));
    }

    [Fact]
    public void LoadWorkspace_EvolveYamlWithoutPrices_IsTheBuiltInTable()
    {
        var path = _dir.File("evolve.yaml");
        File.WriteAllText(path, "models:\n  openai: { base_url: http://127.0.0.1:8000/v1 }\n");

        var table = PriceTable.LoadWorkspace(path);

        Assert.Equal(PriceTable.BuiltIn.Entries.Count, table.Entries.Count);
        Assert.Equal(new ModelPrice(2.00m, 8.00m), table.Find("openai:gpt-4.1"));
    }

    [Fact]
    public void Load_TopLevelMapping_IsReadAsPrices()
    {
        var path = _dir.File("prices.yaml");
        File.WriteAllText(path, "local:llama: { input: 0, output: 0 }\n");

        Assert.Equal(ModelPrice.Free, PriceTable.Load(path).Find("local:llama"));
    }

    [Fact]
    public void Load_BadEntries_OneErrorPerProblemNamingFileLineAndField()
    {
        var path = _dir.File("prices.yaml");
        File.WriteAllText(path, """
            prices:
              openai:a: { input: cheap, output: 1 }
              openai:b: { output: 1 }
              openai:c: 4
              openai:d: { input: 1, output: 1, cached: 0.1 }
            """);

        var ex = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.Equal(
            [
                $"{path}:2: prices.openai:a.input: must be a number >= 0 (US dollars per million tokens), not 'cheap'",
                $"{path}:3: prices.openai:b.input: missing (US dollars per million tokens)",
                $"{path}:4: prices.openai:c: must be {{ input: <USD per 1M tokens>, output: <USD per 1M tokens> }}",
                $"{path}:5: prices.openai:d.cached: unknown field; use input and output",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var path = _dir.File("nope.yaml");

        var ex = Assert.Throws<InputException>(() => PriceTable.Load(path));

        Assert.Equal($"{path}: prices: price file not found", Assert.Single(ex.Errors).ToString());
    }
}

using Evolve.Kernel.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evolve.Kernel.Tests.Yaml;

public sealed class BoundedYamlTests
{
    [Fact]
    public async Task Read_BillionLaughs_IsRefusedAtTheAliasThatPassesTheLimit()
    {
        var error = Assert.Single((await KernelYamlBomb.Refused(() => BoundedYaml.Read(KernelYamlBomb.Anchors(""), "bomb.yaml"))).Errors);

        Assert.Equal("bomb.yaml", error.File);
        Assert.InRange(error.Line ?? 0, 2, 10);
        Assert.Equal("YAML refused: the document expands to more than 2,000,000 nodes (aliases counted in full); is it an alias bomb?", error.Message);
    }

    [Theory]
    [InlineData("a: &x [1, 2]\nb: [*x, *x, *x]\n", 100, 2, 64, "YAML refused: more than 2 aliases")]
    [InlineData("a: [[[1]]]\n", 100, 100, 2, "YAML refused: nesting is deeper than 2 levels")]
    [InlineData("a: &x [[1]]\nb: [*x]\n", 100, 100, 3, "YAML refused: alias *x nests deeper than 3 levels once expanded")]
    [InlineData("a: &x [1, 2, 3]\nb: [*x, *x]\n", 10, 100, 64, "YAML refused: the document expands to more than 10 nodes (aliases counted in full); is it an alias bomb?")]
    public void Read_PastALimit_NamesTheLimit(string yaml, long nodes, int aliases, int depth, string message)
    {
        var limits = new YamlLimits { MaxNodes = nodes, MaxAliases = aliases, MaxDepth = depth };

        var ex = Assert.Throws<InputException>(() => BoundedYaml.Read(yaml, "f.yaml", limits));

        Assert.Equal(message, Assert.Single(ex.Errors).Message);
    }

    [Fact]
    public void Read_LongerThanMaxChars_IsRefusedBeforeParsing()
    {
        var ex = Assert.Throws<InputException>(() => BoundedYaml.Read("a: " + new string('x', 100), "f.yaml", new YamlLimits { MaxChars = 50 }));

        Assert.Equal("f.yaml: YAML refused: 103 characters is over the limit of 50", ex.Message);
    }

    [Fact]
    public void Read_ExactlyAtTheLimits_Loads()
    {
        // a map, two keys, a list and three items, then an alias of four nodes: 11 nodes.
        var yaml = "a: &x [1, 2, 3]\nb: *x\n";

        var root = BoundedYaml.Read(yaml, "f.yaml", new YamlLimits { MaxNodes = 11, MaxAliases = 1, MaxDepth = 2 });

        Assert.IsType<YamlMappingNode>(root);
    }

    [Fact]
    public void Read_SyntaxError_NamesLineAndColumn()
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => BoundedYaml.Read("a: 1\nb: [1, 2\n", "f.yaml")).Errors);

        Assert.Equal("f.yaml", error.File);
        Assert.InRange(error.Line ?? 0, 2, 3);
        Assert.Matches("^malformed YAML (at|near) column [0-9]+", error.Message);
    }
}

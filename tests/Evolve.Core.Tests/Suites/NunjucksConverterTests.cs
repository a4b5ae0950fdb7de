using Evolve.Core.Suites.Import;
using Scriban;

namespace Evolve.Core.Tests.Suites;

public sealed class NunjucksConverterTests
{
    private readonly List<(string File, int Line, string? Field, string Message)> _warnings = [];

    private string Convert(string template, int firstLine = 1) =>
        new NunjucksConverter("p.txt", firstLine, (f, l, field, m) => _warnings.Add((f, l, field, m))).Convert(template);

    private static string Render(string scriban, object model)
    {
        var template = Template.Parse(scriban);
        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        return template.Render(model, member => member.Name);
    }

    [Theory]
    [InlineData("Hi {{ name }}!", "Hi {{ name }}!")]
    [InlineData("{{name|upper}}", "{{ name | string.upcase }}")]
    [InlineData("{{ name | lower | trim }}", "{{ name | string.downcase | string.strip }}")]
    [InlineData("{{ items | length }}", "{{ items | object.size }}")]
    [InlineData("{{ nick | default('anon') }}", "{{ nick | object.default 'anon' }}")]
    [InlineData("{{ data | dump }}", "{{ data | object.to_json }}")]
    [InlineData("{{ items | join(\", \") }}", "{{ items | array.join \", \" }}")]
    [InlineData("{{ s | replace(\"a\", \"b\") }}", "{{ s | string.replace \"a\" \"b\" }}")]
    [InlineData("{{ s | safe }}", "{{ s }}")]
    [InlineData("{{ a | default(b | upper) }}", "{{ a | object.default (b | string.upcase) }}")]
    [InlineData("{{ a ~ b }}", "{{ a + b }}")]
    [InlineData("{%- if x -%}y{% elif z %}w{% else %}v{% endif %}", "{{- if x -}}y{{ else if z }}w{{ else }}v{{ end }}")]
    [InlineData("{% for t in tags %}{{ loop.index }}:{{ t }}{% endfor %}", "{{ for t in tags }}{{ (for.index + 1) }}:{{ t }}{{ end }}")]
    [InlineData("{% set n = name | upper %}{{ n }}", "{{ n = name | string.upcase }}{{ n }}")]
    [InlineData("{# note #}x", "{{## note ##}}x")]
    [InlineData("{% raw %}{{ kept }}{% endraw %}", "{%{{{ kept }}}%}")]
    public void Convert_SupportedConstructs_MapToScriban(string nunjucks, string scriban)
    {
        Assert.Equal(scriban, Convert(nunjucks));
        Assert.Empty(_warnings);
        Assert.False(Template.Parse(scriban).HasErrors);
    }

    [Fact]
    public void Convert_MappedFilters_RenderLikeNunjucks()
    {
        var scriban = Convert("{{ name | upper }} {{ items | length }} {{ missing | default('anon') }} {% for t in items %}[{{ loop.index }}{{ t | capitalize }}]{% endfor %}");

        Assert.Equal("ADA 2 anon [1X][2Y]", Render(scriban, new { name = "Ada", items = new[] { "x", "y" } }));
    }

    [Fact]
    public void Convert_FilterWithoutEquivalent_IsReportedAndKeptAsAParsableMarker()
    {
        var scriban = Convert("Style:\n- Tone: {{ (style_config | load).tone }}\n", firstLine: 10);

        Assert.Equal("Style:\n- Tone: {{ (style_config ## nunjucks filter not converted: load ##).tone }}\n", scriban);
        var warning = Assert.Single(_warnings);
        Assert.Equal(("p.txt", 11, "load"), (warning.File, warning.Line, warning.Field));
        Assert.Contains("'load' has no Scriban equivalent", warning.Message, StringComparison.Ordinal);
        Assert.False(Template.Parse(scriban).HasErrors);
    }

    [Fact]
    public void Convert_UnsupportedTag_IsReportedAndKeptAsAComment()
    {
        var scriban = Convert("a\n{% macro greet(n) %}hi{% endmacro %}");

        Assert.StartsWith("a\n{{## nunjucks tag not converted: {% macro greet(n) %} ##}}hi", scriban, StringComparison.Ordinal);
        Assert.Equal(2, _warnings.Count);
        Assert.Equal([("macro", 2), ("endmacro", 2)], _warnings.Select(w => (w.Field!, w.Line)));
        Assert.False(Template.Parse(scriban).HasErrors);
    }

    [Fact]
    public void Convert_ForOverKeyValuePairs_IsReported()
    {
        var scriban = Convert("{% for k, v in obj %}{{ k }}{% endfor %}");

        Assert.Contains(_warnings, w => w.Field == "for");
        Assert.False(Template.Parse(scriban).HasErrors);
    }
}

using Evolve.Kernel.Agents.Skills;
using TempDirectory = Evolve.Kernel.Tests.Providers.TempDirectory;

namespace Evolve.Kernel.Tests.Agents.Skills;

public sealed class SkillCatalogTests
{
    private static void WriteSkill(TempDirectory temp, string folder, string text)
    {
        var dir = Path.Combine(temp.Path, "skills", folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "SKILL.md"), text);
    }

    private static string Skill(string name, string description = "Does a thing.", string body = "Step 1.") =>
        $"---\nname: {name}\ndescription: {description}\n---\n{body}\n";

    [Fact]
    public void Load_ValidSkills_OrderedByNameWithBodies()
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, "write-tests", Skill("write-tests", "Write pytest tests.", "Use assert."));
        WriteSkill(temp, "debug", Skill("debug", "Debug failures.", "Read the trace."));

        var catalog = SkillCatalog.Load(temp.Path);

        Assert.Equal(["debug", "write-tests"], catalog.Skills.Select(s => s.Name));
        Assert.Equal("Use assert.", catalog.Find("write-tests")!.Body);
        Assert.Equal("Debug failures.", catalog.Find("debug")!.Description);
    }

    [Fact]
    public void Load_NoSkillsFolder_Empty()
    {
        using var temp = new TempDirectory();

        Assert.Empty(SkillCatalog.Load(temp.Path).Skills);
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("..hidden")]
    [InlineData("trailing-")]
    public void Load_InvalidFolderName_ThrowsNamingFolder(string folder)
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, folder, Skill(folder));

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.Contains(ex.Errors, e => e.Field == "name" && e.File.EndsWith(folder, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NameDiffersFromFolder_Throws()
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, "debug", Skill("other"));

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.Contains("must equal its folder name 'debug'", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NameLongerThan64_Throws()
    {
        using var temp = new TempDirectory();
        var name = new string('a', 65);
        WriteSkill(temp, name, Skill(name));

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.Contains(ex.Errors, e => e.Field == "name");
    }

    [Theory]
    [InlineData("no front matter here")]
    [InlineData("---\nname: debug\ndescription: never closed\n")]
    [InlineData("---\nname: [unclosed\n---\nbody")]
    public void Load_BadFrontMatter_Throws(string text)
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, "debug", text);

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.All(ex.Errors, e => Assert.EndsWith("SKILL.md", e.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DescriptionTooLongOrMissing_Throws()
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, "long", Skill("long", new string('d', 1025)));
        WriteSkill(temp, "none", "---\nname: none\n---\nbody");

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.Equal(2, ex.Errors.Count(e => e.Field == "description"));
    }

    [Fact]
    public void Load_OversizeBody_Refused()
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, "huge", Skill("huge", body: new string('x', SkillDefaults.MaxBodyChars + 1)));

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.Equal("body", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Load_SymlinkedSkillFolder_Refused()
    {
        using var temp = new TempDirectory();
        using var outside = new TempDirectory();
        File.WriteAllText(Path.Combine(outside.Path, "SKILL.md"), Skill("escape"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "skills"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "skills", "escape"), outside.Path);

        var ex = Assert.Throws<InputException>(() => SkillCatalog.Load(temp.Path));

        Assert.Contains("symbolic link", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../debug")]
    [InlineData("debug/../debug")]
    [InlineData("/etc/passwd")]
    [InlineData("DEBUG")]
    public void Find_HostileOrInexactName_ReturnsNull(string name)
    {
        using var temp = new TempDirectory();
        WriteSkill(temp, "debug", Skill("debug"));
        var catalog = SkillCatalog.Load(temp.Path);

        Assert.Null(catalog.Find(name));
        Assert.NotNull(catalog.Find("debug"));
    }
}

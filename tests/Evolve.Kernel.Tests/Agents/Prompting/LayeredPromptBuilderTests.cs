using System.Security.Cryptography;
using System.Text;
using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Prompting;
using Evolve.Kernel.Agents.Skills;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Prompting;

public sealed class LayeredPromptBuilderTests
{
    private static PromptLayers AllLayers(string memory = "- prefers tabs") => new()
    {
        Identity = "IDENTITY: you are a coding agent.",
        Tools = [AIFunctionFactory.Create((string code) => code, "run_python", "Run Python\ncode in a sandbox.")],
        Memory = new MemorySnapshot(memory, "- name is Ada"),
        Skills = SkillCatalog.From([new Skill("zeta-tests", "Write tests last.", "body z"), new Skill("alpha-plan", "Plan first.", "body a")]),
        Task = "TASK: reverse a list",
    };

    [Fact]
    public void Build_AllLayers_OrdersIdentityToolsMemorySkillsThenTask()
    {
        var prompt = LayeredPromptBuilder.Build(AllLayers());

        Assert.Equal([ChatRole.System, ChatRole.User], prompt.Messages.Select(m => m.Role));
        var system = prompt.Messages[0].Text;
        int[] positions = [
            system.IndexOf("IDENTITY", StringComparison.Ordinal),
            system.IndexOf("- run_python: Run Python code in a sandbox.", StringComparison.Ordinal),
            system.IndexOf("- prefers tabs", StringComparison.Ordinal),
            system.IndexOf("- name is Ada", StringComparison.Ordinal),
            system.IndexOf("- alpha-plan: Plan first.", StringComparison.Ordinal),
            system.IndexOf("- zeta-tests: Write tests last.", StringComparison.Ordinal),
        ];
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("body a", system, StringComparison.Ordinal);
        Assert.Equal("TASK: reverse a list", prompt.Messages[1].Text);
    }

    [Fact]
    public void Build_SameInputs_SameHashWhichIsSha256OfSystemText()
    {
        var first = LayeredPromptBuilder.Build(AllLayers());
        var second = LayeredPromptBuilder.Build(AllLayers());

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.Messages[0].Text)));
        Assert.Equal(expected, first.SystemSha256);
        Assert.Equal(first.SystemSha256, second.SystemSha256);
        Assert.Equal(first.Messages[0].Text, second.Messages[0].Text);
    }

    [Fact]
    public void Build_DifferentMemory_DifferentHash()
    {
        var a = LayeredPromptBuilder.Build(AllLayers("- prefers tabs"));
        var b = LayeredPromptBuilder.Build(AllLayers("- prefers spaces"));

        Assert.NotEqual(a.SystemSha256, b.SystemSha256);
    }

    [Fact]
    public void Build_IdentityOnly_SystemIsExactlyTheIdentity()
    {
        var prompt = LayeredPromptBuilder.Build(new PromptLayers { Identity = "Just me.", Task = "t" });

        Assert.Equal("Just me.", prompt.Messages[0].Text);
    }

    [Fact]
    public void Build_NoLayers_OnlyUserMessageAndHashOfEmpty()
    {
        var prompt = LayeredPromptBuilder.Build(new PromptLayers { Task = "t" });

        Assert.Equal([ChatRole.User], prompt.Messages.Select(m => m.Role));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", prompt.SystemSha256);
    }

    [Fact]
    public void Build_ChatTask_SendsItsMessages_ItsSystemMessagesAfterTheAgentsLayers()
    {
        var task = Evolve.Kernel.Prompts.ChatPrompt.Write([("system", "Be terse."), ("user", "Hi"), ("assistant", "Hello."), ("user", "Sum 2 and 2")]);

        var prompt = LayeredPromptBuilder.Build(new PromptLayers { Identity = "IDENTITY", Task = task });

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], prompt.Messages.Select(m => m.Role));
        Assert.Equal("IDENTITY\n\nBe terse.", prompt.Messages[0].Text);
        Assert.Equal("Sum 2 and 2", prompt.Messages[^1].Text);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("[{\"role\": \"tool\", \"content\": \"x\"}]")]
    [InlineData("[{\"role\": \"user\"}]")]
    [InlineData("[not json]")]
    public void Build_TextThatOnlyLooksLikeChat_IsSentAsOneUserMessage(string task)
    {
        var prompt = LayeredPromptBuilder.Build(new PromptLayers { Task = task });

        Assert.Equal(task, Assert.Single(prompt.Messages).Text);
    }
}

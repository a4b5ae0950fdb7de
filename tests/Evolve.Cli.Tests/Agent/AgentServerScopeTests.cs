using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Evolve.Cli.Tests.Agent;

/// <summary>
/// Memory and search_sessions under <c>agent serve</c>: each client (the request's <c>user</c>, else
/// its own session) sees only its own, unless agent.yaml says <c>shared_memory: true</c>. Two real
/// HTTP clients on 127.0.0.1.
/// </summary>
public sealed class AgentServerScopeTests
{
    private const string Tools = "tools: [memory, search_sessions]";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complete_TwoUsers_OneUsersMemoryIsInvisibleToTheOther()
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client(), agentYaml: Tools);
        using var bob = served.NewClient();

        var added = await AskAsync(served.Http, "alice", "remember alice drinks oolong tea");
        var bobSees = await AskAsync(bob, "bob", "what do you know");
        var aliceSees = await AskAsync(served.Http, "alice", "what do you know");

        Assert.StartsWith("tool: ok: Added to MEMORY.md", added, StringComparison.Ordinal);
        Assert.DoesNotContain("oolong", bobSees, StringComparison.Ordinal);
        Assert.Contains("alice drinks oolong tea", aliceSees, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_TwoUsers_SearchSessionsFindsOnlyTheCallersOwnSessions()
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client(), agentYaml: Tools);
        using var bob = served.NewClient();

        await AskAsync(served.Http, "alice", "the launch code is zanzibar");
        var bobFinds = await AskAsync(bob, "bob", "search zanzibar");
        var aliceFinds = await AskAsync(served.Http, "alice", "search zanzibar");

        Assert.Equal("tool: no matching sessions", bobFinds);
        Assert.Contains("[zanzibar]", aliceFinds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_RequestsWithoutUser_EachHaveTheirOwnMemory()
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client(), agentYaml: Tools);
        using var other = served.NewClient();

        var added = await AskAsync(served.Http, null, "remember the vault is behind the painting");
        var later = await AskAsync(other, null, "what do you know");
        var found = await AskAsync(other, null, "search painting");

        Assert.StartsWith("tool: ok: Added", added, StringComparison.Ordinal);
        Assert.DoesNotContain("painting", later, StringComparison.Ordinal);
        Assert.Equal("tool: no matching sessions", found);
    }

    [Fact]
    public async Task Complete_SharedMemoryAgent_SecondUserSeesTheFirstUsersMemoryAndSessions()
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client(), agentYaml: Tools + "\nshared_memory: true");
        using var bob = served.NewClient();

        await AskAsync(served.Http, "alice", "remember the office opens at nine");
        await AskAsync(served.Http, "alice", "the launch code is zanzibar");
        var bobSees = await AskAsync(bob, "bob", "what do you know");
        var bobFinds = await AskAsync(bob, "bob", "search zanzibar");

        Assert.Contains("the office opens at nine", bobSees, StringComparison.Ordinal);
        Assert.Contains("[zanzibar]", bobFinds, StringComparison.Ordinal);
    }

    private static async Task<string> AskAsync(HttpClient http, string? user, string text)
    {
        var body = new JsonObject
        {
            ["model"] = "qa",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
        };
        if (user is not null)
        {
            body["user"] = user;
        }

        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        return answer["choices"]![0]!["message"]!["content"]!.GetValue<string>();
    }
}

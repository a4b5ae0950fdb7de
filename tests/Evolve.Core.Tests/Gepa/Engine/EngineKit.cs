using System.Text.RegularExpressions;
using Evolve.Core.Evaluation;
using Evolve.Core.Gepa;
using Evolve.Core.Gepa.Seams;
using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Library;
using Evolve.Tests.Shared;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Gepa.Engine;

/// <summary>
/// A world small enough to reason about: cases each ask about one topic (<c>topic0</c>..; every topic
/// has a case in each split, so what reflection learns on training carries to validation), a case
/// scores high when an evolving component names its topic, and the scripted reflector adds the
/// topics of the minibatch it was shown. So reflection helps, lineages learn different topics, and
/// every score is a function of the texts, never of timing.
/// </summary>
internal sealed partial class EngineKit : IDisposable
{
    private readonly TempDirectory _dir = new();

    /// <param name="cases">Cases, split train, val, holdout in turn.</param>
    /// <param name="topics">Distinct topics; case i asks about topic i / 3.</param>
    /// <param name="seedKnowsTopics">The seed's texts already name every topic (a strong seed, about 0.9 with two components).</param>
    /// <param name="components">The evolving components (default system.sbn).</param>
    public EngineKit(int cases = 36, int topics = 12, bool seedKnowsTopics = false, params string[] components)
    {
        var known = seedKnowsTopics ? " Know about: " + string.Join(", ", Enumerable.Range(0, topics).Select(t => $"topic{t}")) + "." : "";
        _dir.Write("prompts/quiz/agent.yaml", "name: quiz\nsystem: system.sbn\ntask: task.sbn\n");
        _dir.Write("prompts/quiz/system.sbn", "Answer the question." + known);
        _dir.Write("prompts/quiz/task.sbn", "{{ q }}" + known);
        Profile = AgentProfileLoader.Load(Path.Combine(_dir.Path, "prompts"), "quiz");
        Components = components.Length == 0 ? ["system.sbn"] : components;
        var list = Enumerable.Range(0, cases).Select(i => new EvalCase
        {
            Id = $"c{i:00}",
            Vars = new Dictionary<string, object?> { ["q"] = $"topic{i / 3 % topics}" },
            Expected = $"reference answer number {i}",
            Split = (Split)(i % 3),
            Source = new SourceLocation("cases.yaml", i + 1),
        }).ToList();
        Suite = new Suite { Name = "quiz", Directory = Path.Combine(_dir.Path, "evals", "quiz"), Agent = "quiz", Cases = list, ContentHash = "kit" };
    }

    public AgentProfile Profile { get; }

    public Suite Suite { get; }

    public IReadOnlyList<string> Components { get; }

    public string RunsDirectory => Path.Combine(_dir.Path, "runs");

    /// <summary>
    /// 0.2, plus 0.35 for each evolving component naming the case's topic, plus ±0.05 of noise fixed
    /// by (candidate, case, repeat). Markers script the other fates: <c>WORSE</c> costs 0.15 on every
    /// case; <c>TRAINONLY</c> scores 1 on training cases and 0 elsewhere (a child that overfits).
    /// </summary>
    public double Score(Candidate candidate, EvalCase c, int repeat)
    {
        var texts = Components.Select(name => candidate.Components[name]).ToList();
        if (texts.Any(t => t.Contains("TRAINONLY", StringComparison.Ordinal)))
        {
            return c.Split == Split.Train ? 1 : 0;
        }

        var topic = (string)c.Vars["q"]!;
        var named = texts.Count(t => Names(t, topic));
        var worse = texts.Any(t => t.Contains("WORSE", StringComparison.Ordinal)) ? 0.15 : 0;
        var hash = Convert.ToUInt32(Kernel.Agents.Prompting.LayeredPromptBuilder.Sha256($"{candidate.Id}|{c.Id}|{repeat}")[..8], 16);
        var noise = ((int)(hash % 101) - 50) / 1000.0;
        return 0.2 + (0.35 * named) - worse + noise;
    }

    /// <summary>The scripted reflector: the current text (the prompt's first fenced block) plus the minibatch's topics it lacks.</summary>
    public static string Reflect(IReadOnlyList<ChatMessage> messages)
    {
        var prompt = messages[^1].Text;
        var current = Current(messages);
        var missing = Topic().Matches(prompt).Select(m => m.Value).Distinct().Where(t => !Names(current, t)).Order(StringComparer.Ordinal).ToList();
        var text = missing.Count == 0 ? current + "\nBe careful." : current + "\nKnow about: " + string.Join(", ", missing) + ".";
        return "```\n" + text + "\n```";
    }

    /// <summary>The text being reflected on: the reflection prompt's first fenced block.</summary>
    public static string Current(IReadOnlyList<ChatMessage> messages) => Fence().Match(messages[^1].Text).Groups[1].Value;

    public GepaSetup Setup(Func<GepaOptions, GepaOptions>? options = null)
    {
        var baseOptions = new GepaOptions { Suite = "quiz", Budget = 1500, Paths = new WorkspacePaths(Path.Combine(_dir.Path, "evals"), Path.Combine(_dir.Path, "prompts"), RunsDirectory), Components = [.. Components] };
        var o = options?.Invoke(baseOptions) ?? baseOptions;
        return new GepaSetup
        {
            Options = o, Suite = Suite, Profile = Profile, Seed = new Candidate(LiveArtifacts.Read(Profile)), Components = Components,
            Train = Suite.InSplit(Split.Train).ToList(), Val = Suite.InSplit(Split.Val).ToList(), Holdout = Suite.InSplit(Split.Holdout).ToList(),
            Repeat = o.Repeat ?? 1,
        };
    }

    public RunStore NewStore() => RunStore.Create(RunsDirectory, new RunInfo
    {
        Id = "run-" + Guid.NewGuid().ToString("N")[..8], Kind = GepaRun.Kind, Suite = "quiz", SuiteHash = "kit", Agent = "quiz",
        Model = "scripted", Simulated = true, OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
    }, TimeProvider.System);

    /// <summary>Runs the search and the final pick to the end (or to a simulated crash) against <paramref name="store"/>.</summary>
    public static async Task<Outcome> RunAsync(GepaSetup setup, RunStore store, IRolloutBatchRunner runner, IChatClient reflector, IStopSignal? stop = null)
    {
        var engine = new GepaEngine(setup, runner, new ReflectionClient(reflector, "scripted", store), store, stop ?? new FlagStop(), TimeProvider.System);
        var generations = new List<Evolve.Core.Runs.Events.GenerationSummary>();
        var (seed, _) = await engine.RunAsync(generations.Add, CancellationToken.None);
        var pick = await engine.SelectAsync(seed, CancellationToken.None);
        return new Outcome(engine, seed, pick, generations);
    }

    /// <summary>The scripted reflector; <paramref name="crashAtCall"/> makes that call die; with <paramref name="marker"/> it only appends the marker to the current text.</summary>
    public static ScriptedChatClient Reflector(int? crashAtCall = null, string? marker = null)
    {
        var calls = 0;
        return new ScriptedChatClient((messages, _) =>
        {
            var call = Interlocked.Increment(ref calls);
            if (call == crashAtCall)
            {
                throw new SimulatedCrash($"reflection call {call}");
            }

            return marker is null ? Reflect(messages) : "```\n" + Current(messages) + " " + marker + "\n```";
        });
    }

    public void Dispose() => _dir.Dispose();

    private static bool Names(string text, string topic) => Regex.IsMatch(text, $@"\b{topic}\b");

    [GeneratedRegex(@"```[a-z]*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\btopic\d+\b")]
    private static partial Regex Topic();

    public sealed record Outcome(GepaEngine Engine, PoolEntry Seed, FinalSelection Pick, IReadOnlyList<Evolve.Core.Runs.Events.GenerationSummary> Generations);

    /// <summary>A stop signal the test raises (never, unless it sets <see cref="Raised"/>).</summary>
    public sealed class FlagStop : IStopSignal
    {
        public bool Raised { get; set; }

        public string? Reason => Raised ? "stop requested by the test" : null;
    }
}

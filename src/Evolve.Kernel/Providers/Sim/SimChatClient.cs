using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The offline simulator (<c>sim</c>): a deterministic stand-in for an LLM. For a request that names
/// a case (<see cref="ModelRequestKeys.CaseId"/>) it looks the case's <see cref="SimOracle"/> up and
/// answers the task, right with a probability that rises with the system prompt's cue coverage (see
/// <see cref="SimOdds"/>); a judge call (<see cref="ModelRequestKeys.Judge"/>) it grades as
/// <see cref="SimJudge"/> does; anything else it answers as a reflection model (see <see cref="SimReflector"/>).
/// Same request, same seed: same reply, always.
/// </summary>
internal sealed class SimChatClient : InProcessChatClient
{
    private readonly SimSettings _settings;
    private readonly TimeProvider _time;
    private readonly SimTaskResponder _task;
    private readonly SimReflector _reflector;
    private readonly SimOracleLookup? _oracles;
    private readonly BoundedCache<string, SimPrompt> _prompts = new(SimDefaults.PromptCacheCapacity, StringComparer.Ordinal);

    public SimChatClient(SimSettings settings, TimeProvider timeProvider, SimOracleLookup? oracles = null)
        : base(ModelSchemes.Sim)
    {
        _oracles = oracles;
        _settings = settings;
        _time = timeProvider;
        _task = new SimTaskResponder(settings.Seed, settings.Competence, settings.Profile);
        _reflector = new SimReflector(settings.Seed);
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var (response, digest) = Answer(list, options);
        var delay = Delay(digest);
        return delay <= TimeSpan.Zero ? Task.FromResult(response) : DelayThen(response, delay, cancellationToken);
    }

    private (ChatResponse Response, ulong Digest) Answer(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        ChatMessage message;
        ulong digest;
        var properties = new AdditionalPropertiesDictionary();
        if (ModelRequest.Judge(options) is { } judge)
        {
            message = new ChatMessage(ChatRole.Assistant, SimJudge.Grade(judge));
            digest = _settings.Jitter > TimeSpan.Zero ? StableHash.Of(judge.Output) : 0UL;
        }
        else if (Oracle(options) is { } oracle)
        {
            var system = ModelRequest.SystemText(messages);
            var prompt = _prompts.GetOrAdd(system, static (s, _) => SimPrompt.Create(s), 0);
            var repeat = ModelRequest.Repeat(options);
            var heuristics = SimHeuristics.From(ModelRequest.Heuristics(options));
            var answer = _task.Respond(oracle, prompt, heuristics, repeat, options?.Temperature);
            message = new ChatMessage(ChatRole.Assistant, answer.Text);
            if (SimSelfTest.Applies(options, oracle, heuristics))
            {
                // Tools (ARCHITECTURE section 4): test once with run_python, then answer, sometimes repaired.
                var tested = SimSelfTest.HasTested(messages);
                answer = tested ? SimSelfTest.Final(answer, oracle) : answer;
                message = tested ? new ChatMessage(ChatRole.Assistant, answer.Text) : SimSelfTest.Call(answer);
            }

            digest = _settings.Jitter > TimeSpan.Zero
                ? StableHash.Combine(prompt.Hash, (ulong)(uint)repeat, unchecked((ulong)_settings.Seed), oracle.CaseId)
                : 0UL;
            properties[ModelResponseKeys.SimCorrect] = answer.Correct;
            properties[ModelResponseKeys.SimProbability] = answer.Probability;
        }
        else
        {
            var prompt = ModelRequest.LastUserText(messages);
            message = new ChatMessage(ChatRole.Assistant, _reflector.Reflect(prompt));
            digest = _settings.Jitter > TimeSpan.Zero ? StableHash.Of(prompt) : 0UL;
        }

        var response = new ChatResponse(message)
        {
            ModelId = ModelSchemes.Sim,
            FinishReason = message.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            CreatedAt = _time.GetUtcNow(),
            Usage = new UsageDetails
            {
                InputTokenCount = TokenEstimator.Estimate(messages),
                OutputTokenCount = TokenEstimator.Estimate(message.Text),
            },
            AdditionalProperties = properties.Count > 0 ? properties : null,
        };
        response.Usage.TotalTokenCount = response.Usage.InputTokenCount + response.Usage.OutputTokenCount;
        return (response, digest);
    }

    /// <summary>The named case's oracle; a case this simulator cannot look up is a wiring mistake, not a reflection prompt.</summary>
    private SimOracle? Oracle(ChatOptions? options)
    {
        if (ModelRequest.CaseId(options) is not { } caseId)
        {
            return null;
        }

        return _oracles?.Invoke(caseId, ModelRequest.Answer(options))
            ?? throw new InvalidOperationException($"the simulator has no oracle for case '{caseId}': build it with the suite's oracles (ModelOptions.SimOracles)");
    }

    private TimeSpan Delay(ulong digest)
    {
        if (_settings.Jitter <= TimeSpan.Zero)
        {
            return _settings.Latency;
        }

        var offset = ((2 * StableHash.ToUnit(StableHash.Derive(digest, 4))) - 1) * _settings.Jitter.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Max(0, _settings.Latency.TotalMilliseconds + offset));
    }

    private async Task<ChatResponse> DelayThen(ChatResponse response, TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return response;
    }
}

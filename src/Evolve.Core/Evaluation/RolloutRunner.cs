using System.Text.Json;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Loop;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Resilience;
using Evolve.Kernel.Providers.Telemetry;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Runs one rollout: render, call the agent, score. Turns per-case failures into failed rollouts:
/// a request failure (<see cref="ModelCallFailure.Request"/>) or a transient one that outlasted the
/// pipeline's retries is that case's error, scored 0. A permanent failure (bad key, unknown model)
/// would fail every case alike, so it stops the run as a <see cref="SystemicFailureException"/>.
/// </summary>
/// <param name="suite">The suite, for its default assertions.</param>
/// <param name="model">The task model pipeline.</param>
/// <param name="scorer">The scorer.</param>
/// <param name="time">The clock.</param>
internal sealed class RolloutRunner(Suite suite, IChatClient model, ICaseScorer scorer, TimeProvider time)
{
    private readonly UsageAccountingChatClient? _usage = model.GetService<UsageAccountingChatClient>();
    private readonly bool _logProbs = suite.UsesLogProbs();

    private static ToolCall[] ToolCalls(AgentTurn turn) =>
        [.. turn.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => new ToolCall(c.Name, JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>())))];

    private static Dictionary<string, string> OfferedTools(ChatOptions options) =>
        (options.Tools ?? []).OfType<AIFunctionDeclaration>().DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.JsonSchema.GetRawText(), StringComparer.Ordinal);

    /// <summary>Runs the request; never throws for a per-case failure, only for cancellation or a systemic failure.</summary>
    public async Task<Rollout> RunAsync(RolloutRequest request, CancellationToken cancellationToken)
    {
        var (candidate, agent, evalCase, repeat) = (request.Candidate, request.Agent, request.Case, request.Repeat);
        using var activity = EvolveTelemetry.Source.StartActivity("evolve.rollout");
        activity?.SetTag("evolve.candidate", candidate.Id);
        activity?.SetTag("evolve.case", evalCase.Id);
        activity?.SetTag("evolve.repeat", repeat);
        try
        {
            var (messages, options) = agent.BuildRequest(evalCase.Vars);
            // The case id, never its oracle: the simulator was built with the suite's oracles (CaseOracle.Lookup).
            options.AdditionalProperties![ModelRequestKeys.CaseId] = evalCase.Id;
            options.AdditionalProperties[ModelRequestKeys.Repeat] = repeat;
            options.AdditionalProperties[SchedulingChatClient.OwnerKey] = candidate.Id;
            if (_logProbs)
            {
                options.AdditionalProperties[ModelRequestKeys.LogProbs] = true;
            }

            var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
            var turn = await AgentSession.RunAsync(model, messages, options, time, cancellationToken).ConfigureAwait(false);
            var cost = turn.CacheHit ? 0 : _usage?.CostOf(turn.Usage);
            var answer = new Answer(turn.Output)
            {
                Prompt = prompt, FinishReason = turn.FinishReason?.Value, Latency = turn.Latency, Cost = cost, CacheHit = turn.CacheHit,
                ToolCalls = ToolCalls(turn), OfferedTools = OfferedTools(options), LogProbs = turn.LogProbs,
            };
            var score = await scorer.ScoreAsync(evalCase, suite.DefaultAssertions, answer, cancellationToken).ConfigureAwait(false);
            return new Rollout
            {
                CandidateId = candidate.Id, CaseId = evalCase.Id, Repeat = repeat, Split = evalCase.Split ?? Split.Train,
                Output = turn.Output, Score = score, InputTokens = turn.Usage?.InputTokenCount ?? 0,
                OutputTokens = turn.Usage?.OutputTokenCount ?? 0, Latency = turn.Latency, CacheHit = turn.CacheHit,
                Cost = cost,
                Trace = request.KeepTrace ? JsonSerializer.Serialize(turn.Messages.Select(m => new { role = m.Role.Value, text = TraceText.Of(m) })) : null,
            };
        }
        catch (ModelCallException ex) when (ex.Kind == ModelCallFailure.Permanent)
        {
            throw new SystemicFailureException($"a model call failed permanently, so every case would fail alike: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not SystemicFailureException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            var message = ex is InputException input ? string.Join("; ", input.Errors) : $"{ex.GetType().Name}: {ex.Message}";
            return new Rollout
            {
                CandidateId = candidate.Id, CaseId = evalCase.Id, Repeat = repeat, Split = evalCase.Split ?? Split.Train,
                Output = "", Error = message, ModelFailure = ModelFailures.Classify(ex, cancellationToken),
                Score = new CaseScore(0, false, $"The agent produced no answer: {message}", []),
            };
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Loop;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation;

/// <summary>Runs one rollout: render, call the agent, score. Turns per-case failures into failed rollouts.</summary>
/// <param name="suite">The suite, for its default assertions.</param>
/// <param name="model">The task model pipeline.</param>
/// <param name="scorer">The scorer.</param>
/// <param name="time">The clock.</param>
public sealed class RolloutRunner(Suite suite, IChatClient model, ICaseScorer scorer, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string, SimAnswerKind), SimOracle> _oracles = new();

    /// <summary>Runs the request; never throws for a per-case failure, only for cancellation or a systemic failure.</summary>
    public async Task<Rollout> RunAsync(RolloutRequest request, CancellationToken cancellationToken)
    {
        var (candidate, agent, evalCase, repeat) = (request.Candidate, request.Agent, request.Case, request.Repeat);
        try
        {
            var (messages, options) = agent.BuildRequest(evalCase.Vars);
            options.AdditionalProperties![ModelRequestKeys.Oracle] = _oracles.GetOrAdd(
                (evalCase.Id, agent.Profile.Answer), key => CaseOracle.Create(evalCase, suite.DefaultAssertions, key.Item2));
            options.AdditionalProperties[ModelRequestKeys.Repeat] = repeat;
            options.AdditionalProperties[SchedulingChatClient.OwnerKey] = candidate.Id;
            var turn = await AgentSession.RunAsync(model, messages, options, time, cancellationToken).ConfigureAwait(false);
            var score = await scorer.ScoreAsync(evalCase, suite.DefaultAssertions, turn.Output, cancellationToken).ConfigureAwait(false);
            return new Rollout
            {
                CandidateId = candidate.Id, CaseId = evalCase.Id, Repeat = repeat, Split = evalCase.Split ?? Split.Train,
                Output = turn.Output, Score = score, InputTokens = turn.Usage?.InputTokenCount ?? 0,
                OutputTokens = turn.Usage?.OutputTokenCount ?? 0, Latency = turn.Latency, CacheHit = turn.CacheHit,
                Trace = request.KeepTrace ? JsonSerializer.Serialize(turn.Messages.Select(m => new { role = m.Role.Value, text = TraceText.Of(m) })) : null,
            };
        }
        catch (Exception ex) when (ex is not SystemicFailureException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var message = ex is InputException input ? string.Join("; ", input.Errors) : $"{ex.GetType().Name}: {ex.Message}";
            return new Rollout
            {
                CandidateId = candidate.Id, CaseId = evalCase.Id, Repeat = repeat, Split = evalCase.Split ?? Split.Train,
                Output = "", Error = message,
                Score = new CaseScore(0, false, $"The agent produced no answer: {message}", []),
            };
        }
    }
}

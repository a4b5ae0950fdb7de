using System.Text.Json;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel;
using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Core.Evaluation;

/// <summary>Runs one rollout: render, call the agent, score. Turns per-case failures into failed rollouts.</summary>
internal sealed class RolloutRunner
{
    private readonly EvaluationPlan _plan;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SimOracle> _oracles;

    public RolloutRunner(EvaluationPlan plan, TimeProvider time)
    {
        _plan = plan;
        _time = time;
        _oracles = plan.Cases.ToDictionary(c => c.Id, c => CaseOracle.Create(c, plan.Suite.DefaultAssertions, plan.Agent.Profile.Answer));
    }

    public async Task<Rollout> RunAsync(EvalCase evalCase, int repeat, CancellationToken cancellationToken)
    {
        try
        {
            var (messages, options) = _plan.Agent.BuildRequest(evalCase.Vars);
            options.AdditionalProperties![ModelRequestKeys.Oracle] = _oracles[evalCase.Id];
            options.AdditionalProperties[ModelRequestKeys.Repeat] = repeat;
            var turn = await AgentSession.RunAsync(_plan.Model, messages, options, _time, cancellationToken).ConfigureAwait(false);
            var score = await _plan.Scorer.ScoreAsync(evalCase, _plan.Suite.DefaultAssertions, turn.Output, cancellationToken).ConfigureAwait(false);
            return new Rollout
            {
                CandidateId = _plan.Candidate.Id, CaseId = evalCase.Id, Repeat = repeat, Split = evalCase.Split ?? Split.Train,
                Output = turn.Output, Score = score, InputTokens = turn.Usage?.InputTokenCount ?? 0,
                OutputTokens = turn.Usage?.OutputTokenCount ?? 0, Latency = turn.Latency, CacheHit = turn.CacheHit,
                Trace = _plan.KeepTraces ? JsonSerializer.Serialize(turn.Messages.Select(m => new { role = m.Role.Value, text = m.Text })) : null,
            };
        }
        catch (Exception ex) when (ex is not SystemicFailureException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var message = ex is InputException input ? string.Join("; ", input.Errors) : $"{ex.GetType().Name}: {ex.Message}";
            return new Rollout
            {
                CandidateId = _plan.Candidate.Id, CaseId = evalCase.Id, Repeat = repeat, Split = evalCase.Split ?? Split.Train,
                Output = "", Error = message,
                Score = new CaseScore(0, false, $"The agent produced no answer: {message}", []),
            };
        }
    }
}

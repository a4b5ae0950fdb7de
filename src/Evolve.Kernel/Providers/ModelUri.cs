using System.Globalization;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Providers;

/// <summary>
/// A model named the way users write it: <c>scheme[:model][?key=value&amp;...]</c>, for example
/// <c>sim</c>, <c>sim?seed=7&amp;latency=200ms</c>, <c>echo</c> or <c>openai:gpt-4.1-mini</c>.
/// Parsing validates the scheme and every parameter at once, so a bad URI fails before anything runs.
/// </summary>
public sealed class ModelUri
{
    private ModelUri(string scheme, string? model, IReadOnlyDictionary<string, string> parameters)
    {
        Scheme = scheme;
        Model = model;
        Parameters = parameters;
    }

    /// <summary>The provider: <c>sim</c>, <c>echo</c>, <c>openai</c>, <c>ollama</c> or <c>anthropic</c>.</summary>
    public string Scheme { get; }

    /// <summary>The provider's model name (may itself contain colons, as in <c>qwen2.5-coder:7b</c>), or null.</summary>
    public string? Model { get; }

    /// <summary>The raw query parameters, validated; keys are lower case.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The flag or key the URI came from (for example <c>--model</c>), named in later errors.</summary>
    public string Field { get; private init; } = "--model";

    /// <summary>Where the URI was written (a file path, or <c>command line</c>), named in later errors.</summary>
    public string Source { get; private init; } = "command line";

    /// <summary>The simulator's seed; default 0.</summary>
    public int Seed { get; private init; }

    /// <summary>Simulated latency per call; default zero.</summary>
    public TimeSpan Latency { get; private init; }

    /// <summary>Maximum deviation (plus or minus) around <see cref="Latency"/>; default zero.</summary>
    public TimeSpan Jitter { get; private init; }

    /// <summary>The simulator's fixed probability of a right answer (0 always wrong, 1 always right), or null for the prompt-driven dynamics.</summary>
    public double? Competence { get; private init; }

    /// <summary>Which version of the simulator's dynamics answers (<c>profile=v1</c> or <c>v2</c>); see <see cref="SimProfiles.Default"/>.</summary>
    public SimProfile Profile { get; private init; } = SimProfiles.Default;

    /// <summary><c>cache=1</c> or <c>cache=0</c>, or null for the provider's default (off for sim and echo, on for real providers).</summary>
    public bool? Cache { get; private init; }

    /// <summary>True for the offline simulator, whose scores are synthetic.</summary>
    public bool IsSimulated => Scheme == ModelSchemes.Sim;

    /// <summary>True for providers that never leave the process (sim, echo).</summary>
    public bool IsOffline => Scheme is ModelSchemes.Sim or ModelSchemes.Echo;

    /// <summary>The model's identity without parameters (<c>sim</c>, <c>openai:gpt-4.1-mini</c>); used for usage and cache keys.</summary>
    public string Id => Model is null ? Scheme : $"{Scheme}:{Model}";

    /// <summary>
    /// The key cached answers are stored under: <see cref="Id"/>, plus, for the simulator, the
    /// parameters that change its answers (seed, profile, competence), so <c>sim?seed=1</c> never
    /// replays what <c>sim?seed=2</c> or <c>profile=v1</c> answered. Latency and jitter change no answer.
    /// </summary>
    public string CacheKey => IsSimulated
        ? string.Create(CultureInfo.InvariantCulture, $"{Id}?seed={Seed}&profile={SimProfiles.Name(Profile)}&competence={Competence?.ToString(CultureInfo.InvariantCulture) ?? "prompt"}")
        : Id;

    /// <summary>
    /// What outputs print after <c>model:</c>, for example
    /// <c>sim (offline simulator, scores are synthetic)</c>.
    /// </summary>
    public string Description => Scheme switch
    {
        ModelSchemes.Sim => Id + " (offline simulator, scores are synthetic)",
        ModelSchemes.Echo => Id + " (echoes the last user message, no model involved)",
        _ => Id,
    };

    /// <summary>Parses and validates a model URI.</summary>
    /// <param name="text">The URI as the user wrote it.</param>
    /// <param name="field">The flag or key it came from, named in errors; default <c>--model</c>.</param>
    /// <param name="source">Where it was written (a file path, or <c>command line</c>).</param>
    /// <exception cref="InputException">Lists every problem found in the URI.</exception>
    public static ModelUri Parse(string? text, string field = "--model", string source = "command line")
    {
        var errors = new List<InputError>();
        void Fail(string message) => errors.Add(new InputError(source, null, field, message));

        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            Fail($"the model is empty; expected one of {ModelSchemes.Examples}");
            throw new InputException(errors);
        }

        var query = trimmed.IndexOf('?', StringComparison.Ordinal);
        var head = query < 0 ? trimmed : trimmed[..query];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var scheme = (colon < 0 ? head : head[..colon]).ToLowerInvariant();
        var model = colon < 0 ? null : head[(colon + 1)..];

        if (!ModelSchemes.All.Contains(scheme))
        {
            Fail($"unknown model '{trimmed}': the scheme '{scheme}' is not one of {string.Join(", ", ModelSchemes.All)} (examples: {ModelSchemes.Examples})");
            throw new InputException(errors);
        }

        if (scheme is ModelSchemes.Sim or ModelSchemes.Echo)
        {
            if (model is not null)
            {
                Fail($"'{trimmed}': {scheme} takes no model name; write '{scheme}' or '{scheme}?seed=7'");
            }
        }
        else if (string.IsNullOrWhiteSpace(model))
        {
            Fail($"'{trimmed}': {scheme} needs a model name, for example {ModelSchemes.ExampleFor(scheme)}");
        }

        var parameters = ModelUriParameters.Split(trimmed, query < 0 ? null : trimmed[(query + 1)..], scheme, Fail);
        var values = ModelUriParameters.Convert(trimmed, parameters, Fail);
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new ModelUri(scheme, model, parameters)
        {
            Field = field,
            Source = source,
            Seed = values.Seed,
            Latency = values.Latency,
            Jitter = values.Jitter,
            Competence = values.Competence,
            Profile = values.Profile,
            Cache = values.Cache,
        };
    }

    /// <summary>The URI in canonical form: lower-case scheme, parameters in the order written.</summary>
    public override string ToString() =>
        Parameters.Count == 0 ? Id : Id + "?" + string.Join('&', Parameters.Select(p => $"{p.Key}={p.Value}"));
}

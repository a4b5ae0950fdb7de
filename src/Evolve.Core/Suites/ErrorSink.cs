using Evolve.Kernel;

namespace Evolve.Core.Suites;

/// <summary>
/// Collects every problem found while reading user input, so one load reports all of them
/// in a single <see cref="InputException"/> instead of stopping at the first.
/// </summary>
internal sealed class ErrorSink
{
    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string file, int? line, string? field, string message) =>
        _errors.Add(new InputError(file, line is > 0 ? line : null, field, message));

    public void Add(SourceLocation at, string? field, string message) => Add(at.File, at.Line, field, message);

    public void AddRange(IEnumerable<InputError> errors) => _errors.AddRange(errors);

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InputException(_errors.ToArray());
        }
    }
}

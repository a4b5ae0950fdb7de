using System.Globalization;

namespace Evolve.Core.Suites;

/// <summary>
/// A metric computed from named metrics (promptfoo's <c>derivedMetrics</c>, a suite's
/// <c>derived_metrics:</c>): arithmetic over numbers and metric names with <c>+ - * /</c> and
/// parentheses, such as <c>precision * recall / (precision + recall)</c>. Parsed once at load, so a
/// malformed expression is a suite error; a division by zero or a missing metric gives no value.
/// </summary>
public sealed class DerivedMetric
{
    private readonly Func<IReadOnlyDictionary<string, double>, double> _evaluate;

    private DerivedMetric(string name, string expression, Func<IReadOnlyDictionary<string, double>, double> evaluate, IReadOnlyList<string> uses)
    {
        (Name, Expression, _evaluate, Uses) = (name, expression, evaluate, uses);
    }

    /// <summary>The metric's name.</summary>
    public string Name { get; }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>The metric names the expression reads.</summary>
    public IReadOnlyList<string> Uses { get; }

    /// <summary>Parses <paramref name="expression"/>; null with <paramref name="problem"/> when it is not plain arithmetic.</summary>
    public static DerivedMetric? Parse(string name, string expression, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new Parser(expression);
        try
        {
            var evaluate = parser.Sum();
            parser.End();
            problem = null;
            return new DerivedMetric(name, expression, evaluate, [.. parser.Names.Distinct(StringComparer.Ordinal)]);
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>The value over <paramref name="metrics"/>; null when a metric it reads is missing or the result is not finite.</summary>
    public double? Evaluate(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (Uses.Any(n => !metrics.ContainsKey(n)))
        {
            return null;
        }

        var value = _evaluate(metrics);
        return double.IsFinite(value) ? value : null;
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public List<string> Names { get; } = [];

        public Func<IReadOnlyDictionary<string, double>, double> Sum()
        {
            var left = Product();
            while (Take('+') is var plus && (plus || Take('-')))
            {
                var (l, r) = (left, Product());
                left = plus ? m => l(m) + r(m) : m => l(m) - r(m);
            }

            return left;
        }

        public void End()
        {
            Skip();
            if (_at < text.Length)
            {
                throw new FormatException($"unexpected '{text[_at]}' at position {_at + 1} of \"{text}\"");
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double> Product()
        {
            var left = Factor();
            while (Take('*') is var times && (times || Take('/')))
            {
                var (l, r) = (left, Factor());
                left = times ? m => l(m) * r(m) : m => l(m) / r(m);
            }

            return left;
        }

        private Func<IReadOnlyDictionary<string, double>, double> Factor()
        {
            Skip();
            if (Take('-'))
            {
                var inner = Factor();
                return m => -inner(m);
            }

            if (Take('('))
            {
                var inner = Sum();
                return Take(')') ? inner : throw new FormatException($"a '(' is not closed in \"{text}\"");
            }

            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is '_' or '.'))
            {
                _at++;
            }

            var token = text[start.._at];
            if (token.Length == 0)
            {
                throw new FormatException(_at < text.Length ? $"unexpected '{text[_at]}' at position {_at + 1} of \"{text}\"" : $"\"{text}\" ends where a number or metric name is expected");
            }

            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return _ => number;
            }

            if (!char.IsLetter(token[0]) && token[0] != '_')
            {
                throw new FormatException($"'{token}' is neither a number nor a metric name");
            }

            Names.Add(token);
            return m => m[token];
        }

        private bool Take(char c)
        {
            Skip();
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }
    }
}

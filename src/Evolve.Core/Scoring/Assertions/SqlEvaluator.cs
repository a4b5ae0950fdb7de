using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>is-sql</c>: the whole answer parses as SQL; <c>contains-sql</c>: its first fenced
/// <c>sql</c> block (or the whole answer) does. Parsed by Microsoft's SQL ScriptDom (the T-SQL
/// grammar, which covers standard SELECT, INSERT, UPDATE, DELETE and DDL); promptfoo uses
/// node-sql-parser with MySQL by default, so a dialect-only construct (<c>LIMIT</c>, backticks)
/// is refused here. promptfoo's <c>databaseType</c>, <c>allowedTables</c> and
/// <c>allowedColumns</c> options are not supported: a value is a suite error saying so.
/// </summary>
internal sealed class SqlEvaluator(bool whole) : SyncAssertionEvaluator<SqlEvaluator.NoArgument>(whole ? "is-sql" : "contains-sql")
{
    internal sealed record NoArgument;

    private static readonly NoArgument None = new();

    /// <inheritdoc/>
    protected override NoArgument Parse(AssertionSpec spec) => spec.Value is null
        ? None
        : throw new FormatException($"{Type} takes no value here: databaseType, allowedTables and allowedColumns are not supported");

    /// <inheritdoc/>
    protected override AssertionCheck Check(NoArgument arg, AssertionContext context, string output)
    {
        var sql = whole ? output : Fenced(output) ?? output;
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        var passed = !string.IsNullOrWhiteSpace(sql) && errors.Count == 0;
        return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
            ? passed
                ? "the answer must not be SQL, but it parses as SQL."
                : string.IsNullOrWhiteSpace(sql)
                    ? "the answer holds no SQL."
                    : $"the SQL does not parse: {errors[0].Message} (line {errors[0].Line}, column {errors[0].Column}). The answer was {FeedbackText.Quote(output)} — write one valid statement."
            : null);
    }

    private static string? Fenced(string output)
    {
        var start = output.IndexOf("```sql", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var body = output.IndexOf('\n', start);
        var end = body < 0 ? -1 : output.IndexOf("```", body, StringComparison.Ordinal);
        return body < 0 ? null : end < 0 ? output[(body + 1)..] : output[(body + 1)..end];
    }
}

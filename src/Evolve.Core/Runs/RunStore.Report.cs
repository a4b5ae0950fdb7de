using System.Globalization;

namespace Evolve.Core.Runs;

/// <summary>Read queries for reports: light rows that leave out outputs, traces and assertions, so a large run reads fast.</summary>
public sealed partial class RunStore
{
    /// <summary>Every rollout as a report row, in the order they were stored (which is the order they were spent).</summary>
    public IReadOnlyList<RolloutRow> LoadRolloutRows()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            // Feedback is only read for failures: that is all the failure clusters need.
            command.CommandText = """
                SELECT candidate_id, case_id, repeat, split, score, pass, CASE WHEN pass = 0 THEN feedback END,
                       input_tokens, output_tokens, latency_ms, cache_hit, error, created_at, cost
                FROM rollouts ORDER BY rowid
                """;
            using var reader = command.ExecuteReader();
            var rows = new List<RolloutRow>();
            while (reader.Read())
            {
                rows.Add(new RolloutRow(
                    reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetDouble(4), reader.GetBoolean(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetDouble(9), reader.GetBoolean(10),
                    reader.IsDBNull(11) ? null : reader.GetString(11), DateTimeOffset.Parse(reader.GetString(12), CultureInfo.InvariantCulture))
                {
                    Cost = reader.IsDBNull(13) ? null : (decimal)reader.GetDouble(13),
                });
            }

            return rows;
        }
    }
}

using Microsoft.Data.Sqlite;
using static Evolve.Core.Runs.CandidateStatusNames;

namespace Evolve.Core.Runs;

/// <summary>
/// Repairs run databases written while a duplicate child's refusal still overwrote the candidate it
/// duplicated (status "guarded", details naming the candidate's own id). The lost fate comes back
/// from the candidate's rollouts, since a refused child never runs: every validation case means it
/// joined the pool; part of validation means it was raced out (or, for a merge, failed its gate);
/// training cases only mean it was rejected on its minibatch. One fate cannot be told apart: a child
/// accepted on its minibatch but left unvalidated for lack of budget reads as rejected.
/// </summary>
internal static class RunStatusRepair
{
    private static readonly string Sql = $$"""
        WITH val AS (SELECT candidate_id, COUNT(DISTINCT case_id) AS n FROM rollouts WHERE split = 'val' GROUP BY candidate_id),
             full AS (SELECT COALESCE(MAX(n), 0) AS n FROM val)
        UPDATE candidates SET
            status = CASE
                WHEN (SELECT n FROM val WHERE candidate_id = candidates.id) = (SELECT n FROM full) THEN '{{Name(CandidateStatus.Pool)}}'
                WHEN operator <> 'merge' AND EXISTS (SELECT 1 FROM val WHERE candidate_id = candidates.id) THEN '{{Name(CandidateStatus.Raced)}}'
                ELSE '{{Name(CandidateStatus.Rejected)}}' END,
            info = '{"repaired":"status rebuilt from its rollouts: a duplicate child''s refusal had overwritten it"}'
        WHERE status = '{{Name(CandidateStatus.Guarded)}}'
          AND instr(info, 'identical to the existing candidate ' || substr(id, 1, 12)) > 0
          AND EXISTS (SELECT 1 FROM rollouts WHERE candidate_id = candidates.id)
        """;

    /// <summary>Rewrites each overwritten row; returns how many were repaired.</summary>
    public static int Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        return command.ExecuteNonQuery();
    }
}

using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Kernel;
using Microsoft.Data.Sqlite;

namespace Evolve.Core.Tests.Runs;

/// <summary>Candidate statuses are an enum in code and the same texts as before in <c>candidates.status</c>.</summary>
public sealed class CandidateStatusTests
{
    /// <summary>The texts run databases hold today; a renamed one would make older runs unreadable.</summary>
    private static readonly (CandidateStatus Status, string Text)[] Stored =
    [
        (CandidateStatus.Evaluated, "evaluated"), (CandidateStatus.Pool, "pool"), (CandidateStatus.Rejected, "rejected"),
        (CandidateStatus.Guarded, "guarded"), (CandidateStatus.Raced, "raced"), (CandidateStatus.Unvalidated, "unvalidated"),
        (CandidateStatus.CompareA, "compare-a"), (CandidateStatus.CompareB, "compare-b"), (CandidateStatus.CompareBoth, "compare-a+b"),
    ];

    private static Candidate Make(string system) => new(new Dictionary<string, string> { ["system.sbn"] = system }, ["p"], "reflect", 1);

    private static RunStore Create(TempDirectory dir) => RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
    {
        Id = "r", Kind = "optimize", Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "sim", Simulated = true, OptionsJson = "{}",
        StartedAt = DateTimeOffset.UnixEpoch,
    }, TimeProvider.System);

    private static List<string> RawStatuses(string directory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, RunStore.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM candidates ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var texts = new List<string>();
        while (reader.Read())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    [Fact]
    public void Named_CoversEveryStatusOnce()
    {
        Assert.Equal(Enum.GetValues<CandidateStatus>().Order(), CandidateStatusNames.Named.Select(n => n.Value).Order());
        Assert.Equal(CandidateStatusNames.Named.Count, CandidateStatusNames.Named.Select(n => n.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void SaveCandidate_EveryStatus_StoresTodaysTextAndReadsBack()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        var candidates = Stored.Select(s => Make($"prompt for {s.Text}")).ToList();
        for (var i = 0; i < Stored.Length; i++)
        {
            store.SaveCandidate(candidates[i], Stored[i].Status, new { });
        }

        Assert.Equal(Stored.Select(s => s.Text), RawStatuses(store.Directory));
        Assert.Equal(candidates.Zip(Stored, (c, s) => (c.Id, s.Status)), store.LoadCandidates().Select(c => (c.Candidate.Id, c.Status)));
    }

    [Fact]
    public void SaveCandidate_WithoutStatus_ReadsBackAsEvaluated()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        store.SaveCandidate(Make("an eval's prompt"));

        Assert.Equal(["evaluated"], RawStatuses(store.Directory));
        Assert.Equal(CandidateStatus.Evaluated, Assert.Single(store.LoadCandidates()).Status);
    }

    [Fact]
    public void Parse_UnknownText_IsAnInputErrorNamingSourceFieldAndTheChoices()
    {
        var error = Assert.Throws<InputException>(() => CandidateStatusNames.Parse("accepted", "runs/r/run.db", "candidates.status"));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("runs/r/run.db", "candidates.status"), (only.File, only.Field));
        Assert.StartsWith("unknown candidate status 'accepted': expected one of evaluated, pool, rejected,", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IsExact_AsTheStoreWritesIt()
    {
        Assert.Equal(CandidateStatus.CompareBoth, CandidateStatusNames.Parse("compare-a+b", "x"));
        Assert.Throws<InputException>(() => CandidateStatusNames.Parse("Pool", "x"));
    }

    [Fact]
    public void LoadCandidates_RowWithUnknownStatus_NamesTheDatabaseAndCandidate()
    {
        using var dir = new TempDirectory();
        var odd = Make("odd one");
        string directory;
        using (var store = Create(dir))
        {
            store.SaveCandidate(odd, CandidateStatus.Pool, new { });
            directory = store.Directory;
        }

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, RunStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE candidates SET status = 'promoted'";
            command.ExecuteNonQuery();
        }

        using (var store = RunStore.Open(directory, TimeProvider.System))
        {
            var error = Assert.Single(Assert.Throws<InputException>(() => store.LoadCandidates()).Errors);
            Assert.Equal((Path.Combine(directory, RunStore.FileName), $"candidates.status of {odd.Id}"), (error.File, error.Field));
            Assert.Contains("unknown candidate status 'promoted'", error.Message, StringComparison.Ordinal);
        }

        var listed = Assert.Single(RunCatalog.List(Path.Combine(dir.Path, "runs"), TimeProvider.System));
        Assert.Equal(RunCatalog.Unreadable, listed.Status);
        Assert.Contains("unknown candidate status 'promoted'", listed.Note, StringComparison.Ordinal);
    }
}

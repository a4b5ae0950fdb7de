using System.Text.Json;
using Evolve.Core.Runs.Events;
using Evolve.Kernel;

namespace Evolve.Core.Runs;

/// <summary>The run's events: one typed record per kind (<see cref="IRunEvent"/>), stored as JSON in the <c>events</c> table.</summary>
public sealed partial class RunStore
{
    /// <summary>Appends <paramref name="e"/> under its kind.</summary>
    public void AppendEvent<T>(T e)
        where T : IRunEvent
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_gate)
        {
            InsertEvent(null, e);
        }
    }

    /// <summary>Inserts one event, inside <paramref name="transaction"/> when given; the caller holds the gate.</summary>
    private void InsertEvent<T>(Microsoft.Data.Sqlite.SqliteTransaction? transaction, T e)
        where T : IRunEvent =>
        Run(transaction, "INSERT INTO events (at, kind, data) VALUES ($at, $kind, $data)", ("$at", Now()), ("$kind", T.Kind), ("$data", JsonSerializer.Serialize(e, Json)));

    /// <summary>Every event of <typeparamref name="T"/>'s kind, oldest first.</summary>
    /// <exception cref="InputException">A stored payload is not JSON of that kind; names the database and the event.</exception>
    public IReadOnlyList<T> LoadEvents<T>()
        where T : class, IRunEvent => Read<T>("ORDER BY seq");

    /// <summary>The last event of <typeparamref name="T"/>'s kind, or null when there is none.</summary>
    /// <exception cref="InputException">Its payload is not JSON of that kind.</exception>
    public T? LastEvent<T>()
        where T : class, IRunEvent => Read<T>("ORDER BY seq DESC LIMIT 1").SingleOrDefault();

    private List<T> Read<T>(string order)
        where T : class, IRunEvent
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT seq, data FROM events WHERE kind = $kind {order}";
            command.Parameters.AddWithValue("$kind", T.Kind);
            using var reader = command.ExecuteReader();
            var events = new List<T>();
            while (reader.Read())
            {
                events.Add(Parse<T>(reader.GetInt64(0), reader.GetString(1)));
            }

            return events;
        }
    }

    private T Parse<T>(long seq, string data)
        where T : class, IRunEvent
    {
        string problem;
        try
        {
            if (JsonSerializer.Deserialize<T>(data, Json) is { } parsed)
            {
                return parsed;
            }

            problem = "is null";
        }
        catch (JsonException ex)
        {
            problem = $"is not a {T.Kind} event: {ex.Message}";
        }

        throw new InputException(Path.Combine(Directory, FileName), null, $"events.data of event {seq} ({T.Kind})", problem);
    }
}

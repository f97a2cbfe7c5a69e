using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>
/// Counts the SQL commands EF Core executes in this process (the portal runs in it), from EF Core's own diagnostic events.
/// With one request at a time, the difference across a request is that page's number of round trips to the database;
/// while <see cref="Capture"/> is set, each command's text and parameters are kept too (to EXPLAIN them afterwards).
/// </summary>
internal sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _listeners;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public QueryCounter() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    public int Count => Volatile.Read(ref _count);

    public List<CapturedCommand>? Capture { get; set; }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        Interlocked.Increment(ref _count);
        if (Capture is { } capture && value.Value is CommandExecutedEventData executed)
        {
            var parameters = executed.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
            lock (capture)
            {
                capture.Add(new CapturedCommand(executed.Command.CommandText, parameters));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>SQLite's plan of each command a page ran, so a table scan across all communes shows at a glance.</summary>
internal static class QueryPlans
{
    public static void Print(BenchDatabase database, string page, IReadOnlyList<CapturedCommand> commands)
    {
        Console.WriteLine();
        Console.WriteLine($"Query plans of one request of {page} ({commands.Count} commands; SCAN without an index over a commune's rows is a red flag)");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        connection.Open();
        var number = 0;
        foreach (var command in commands)
        {
            number++;
            Console.WriteLine($"  [{number}] {OneLine(command.Sql)}");
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            try
            {
                using var reader = explain.ExecuteReader();
                while (reader.Read())
                {
                    Console.WriteLine($"        {reader.GetString(3)}");
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                Console.WriteLine($"        (no plan: {e.Message})");
            }
        }
    }

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length > 220 ? line[..220] + " …" : line;
    }
}

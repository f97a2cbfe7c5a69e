using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search.Lucene;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Search;

/// <summary>
/// Keeps this process's index equal to the database: tails the feed from the checkpoint kept in the index's last
/// commit, rebuilds from scratch beside the serving index when the index is missing, of another layout, of another
/// database, too old for the feed, or when a rebuild is requested. Every process runs its own, on its own folder.
/// </summary>
public sealed partial class SearchIndexer(
    IServiceScopeFactory scopes,
    LuceneSearchIndex index,
    SearchSynonyms synonyms,
    IEnumerable<ISearchSource> sources,
    IOptions<SearchOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    private const int FeedBatch = 5000;
    private const int LoadBatch = 500;

    /// <summary>
    /// PostgreSQL hands out feed ids before commit, so a later id can become visible first. A missing id younger
    /// than this is waited for; an older one was rolled back.
    /// </summary>
    private static readonly TimeSpan HoleWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HousekeepingEvery = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, ISearchSource> _sources = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<long> _applied = [];
    private readonly Dictionary<long, long> _holesSeen = [];
    private FileStream? _lock;
    private string _folder = "";
    private long _checkpoint;
    private (int Id, long Ticks) _request;
    private bool _dirty;
    private bool _stopped;
    private DateOnly? _day;
    private long _lastCommit;
    private Task<(IndexGeneration Generation, long Checkpoint)>? _rebuild;
    private (int Id, long Ticks) _rebuildRequest;

    /// <summary>The folder this process's index lives in (its own, locked).</summary>
    public string Folder => _folder;

    /// <summary>
    /// Applies every feed row committed so far and makes it searchable: tests call this instead of waiting, and it
    /// waits for the first build. A rebuild in progress is finished first.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _started.Task.WaitAsync(cancellationToken);
        if (_rebuild is { } rebuild)
        {
            await rebuild.WaitAsync(cancellationToken);
        }

        await PassAsync(forceHousekeeping: true, cancellationToken);
        if (_rebuild is { } requested)
        {
            // A rebuild request seen by this pass: finish it, swap, and catch the new index up.
            await requested.WaitAsync(cancellationToken);
            await PassAsync(forceHousekeeping: false, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartAsync0(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            _started.TrySetException(e);
            LogStartFailed(logger, e);
            return;
        }

        _started.TrySetResult();
        var delay = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(forceHousekeeping: false, stoppingToken);
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly away: keep the checkpoint and try again; nothing is lost.
                LogPassFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _pass.WaitAsync(cancellationToken);
        try
        {
            // A host may be stopped twice (a test factory's DisposeAsync, then Dispose): the second time has nothing to do.
            if (!_stopped && index.Current is { } current)
            {
                _stopped = true;
                if (_dirty)
                {
                    current.Commit(State());
                }

                current.Dispose();
                _lock?.Dispose();
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task StartAsync0(CancellationToken cancellationToken)
    {
        var root = Path.Combine(environment.ContentRootPath, options.Value.IndexRoot);
        (_folder, _lock) = TakeFolder(root);
        var latest = await LatestRequestAsync(cancellationToken);
        var active = ActiveGeneration(_folder);
        var generation = new IndexGeneration(Path.Combine(_folder, active));
        var state = generation.State;
        var retention = TimeSpan.FromHours(options.Value.FeedRetentionHours);
        var usable = state is not null && state.RequestId == latest.Id && state.RequestTicks == latest.Ticks
            && state.Schema == IndexState.CurrentSchema && clock.GetUtcNow() - state.CommittedAt < retention * 0.75;
        await using (var scope = scopes.CreateAsyncScope())
        {
            await synonyms.ReloadAsync(scope.ServiceProvider.GetRequiredService<QmsDbContext>(), cancellationToken);
        }

        if (usable)
        {
            _checkpoint = state!.Checkpoint;
            _request = latest;
            index.Serve(generation, ready: false);
            LogOpened(logger, generation.Folder, _checkpoint);
            await PassAsync(forceHousekeeping: false, cancellationToken);
            index.MarkReady();
            return;
        }

        // Same database, older layout: keep serving it while the new one is built. Another database's index: never.
        var sameDatabase = state is not null && state.RequestId == latest.Id && state.RequestTicks == latest.Ticks;
        if (sameDatabase)
        {
            _checkpoint = state!.Checkpoint;
            _request = latest;
            index.Serve(generation, ready: false);
        }
        else
        {
            generation.Dispose();
        }

        LogRebuilding(logger, _folder, state is null ? "no index" : sameDatabase ? "layout or age" : "another database");
        _rebuildRequest = latest;
        _rebuild = RebuildAsync(Path.Combine(_folder, Other(active)), latest, progress: null, cancellationToken);
        await SwapWhenBuiltAsync(wait: true, cancellationToken);
        index.MarkReady();
    }

    private async Task PassAsync(bool forceHousekeeping, CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            await SwapWhenBuiltAsync(wait: false, cancellationToken);
            if (index.Current is not { } generation)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
            var applied = await ApplyFeedAsync(db, generation, cancellationToken);
            if (applied > 0)
            {
                generation.Refresh();
                _dirty = true;
            }

            var now = Stopwatch.GetTimestamp();
            if (_dirty && Stopwatch.GetElapsedTime(_lastCommit, now) >= CommitEvery)
            {
                generation.Commit(State());
                _dirty = false;
                _lastCommit = now;
            }

            if (forceHousekeeping || Stopwatch.GetElapsedTime(_housekeeping, now) >= HousekeepingEvery)
            {
                _housekeeping = now;
                await synonyms.ReloadAsync(db, cancellationToken);
                await TurnDayAsync(db, generation, cancellationToken);
                await HonourRebuildRequestAsync(db, cancellationToken);
                await PruneFeedAsync(db, cancellationToken);
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    private long _housekeeping;

    private IndexState State() => new(_checkpoint, _request.Id, _request.Ticks, IndexState.CurrentSchema, clock.GetUtcNow());

    /// <summary>Applies new feed rows to the index; returns how many items were re-read.</summary>
    private async Task<int> ApplyFeedAsync(QmsDbContext db, IndexGeneration generation, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var checkpoint = _checkpoint;
            var rows = await db.Set<SearchFeedEntry>().AsNoTracking()
                .Where(e => e.Id > checkpoint).OrderBy(e => e.Id).Take(FeedBatch)
                .Select(e => new { e.Id, e.Kind, e.ItemId }).ToListAsync(cancellationToken);
            var fresh = rows.Where(r => !_applied.Contains(r.Id)).ToList();
            foreach (var kind in fresh.GroupBy(r => r.Kind))
            {
                if (_sources.TryGetValue(kind.Key, out var source))
                {
                    total += await ApplyAsync(db, generation, source, kind.Select(r => r.ItemId).Distinct().ToList(), cancellationToken);
                }
            }

            foreach (var row in fresh)
            {
                _applied.Add(row.Id);
            }

            Advance(rows.Count == 0 ? checkpoint : rows[^1].Id);
            if (rows.Count < FeedBatch)
            {
                return total;
            }
        }
    }

    /// <summary>Moves the checkpoint over applied rows and over holes old enough to be rollbacks.</summary>
    private void Advance(long highestSeen)
    {
        var now = Stopwatch.GetTimestamp();
        while (_checkpoint < highestSeen)
        {
            var next = _checkpoint + 1;
            if (_applied.Remove(next))
            {
                _checkpoint = next;
                _holesSeen.Remove(next);
                continue;
            }

            if (!_holesSeen.TryGetValue(next, out var seen))
            {
                _holesSeen[next] = now;
                break;
            }

            if (Stopwatch.GetElapsedTime(seen, now) < HoleWait)
            {
                break;
            }

            _holesSeen.Remove(next);
            _checkpoint = next;
        }
    }

    private static async Task<int> ApplyAsync(
        QmsDbContext db, IndexGeneration generation, ISearchSource source, List<int> itemIds, CancellationToken cancellationToken)
    {
        foreach (var batch in itemIds.Chunk(LoadBatch))
        {
            var entries = (await source.LoadAsync(db, batch, cancellationToken)).ToLookup(e => e.ItemId);
            foreach (var id in batch)
            {
                generation.Replace(source.Kind, id, entries[id].ToList());
            }
        }

        return itemIds.Count;
    }

    /// <summary>
    /// Re-reads the items whose entries depend on the date (see <see cref="ISearchSource.ChangingOn"/>) for each day
    /// that began since the index last looked, in Vietnam's time.
    /// </summary>
    private async Task TurnDayAsync(QmsDbContext db, IndexGeneration generation, CancellationToken cancellationToken)
    {
        var today = VietnameseFormat.Today(clock);
        _day ??= generation.State is { } state ? DateOnly.FromDateTime(VietnameseFormat.Local(state.CommittedAt).DateTime) : today;
        var changed = 0;
        for (var day = _day.Value.AddDays(1); day <= today; day = day.AddDays(1))
        {
            foreach (var source in _sources.Values)
            {
                if (source.ChangingOn(db, day) is { } items)
                {
                    changed += await ApplyAsync(db, generation, source, await items.ToListAsync(cancellationToken), cancellationToken);
                }
            }
        }

        _day = today;
        if (changed > 0)
        {
            generation.Refresh();
            _dirty = true;
        }
    }

    private async Task PruneFeedAsync(QmsDbContext db, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(options.Value.FeedRetentionHours);
        await db.Set<SearchFeedEntry>().Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {Folder} opened at feed row {Checkpoint}")]
    private static partial void LogOpened(ILogger logger, string folder, long checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index in {Folder} is being rebuilt ({Reason})")]
    private static partial void LogRebuilding(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {Folder} rebuilt in {Seconds:F1} s")]
    private static partial void LogRebuilt(ILogger logger, string folder, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search indexer could not start; search answers nothing until it does")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search indexing pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

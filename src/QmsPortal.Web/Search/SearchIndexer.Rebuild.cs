using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search.Lucene;

namespace QmsPortal.Web.Search;

/// <summary>Rebuilding from the database beside the serving index, and the folders and requests that decide when.</summary>
public sealed partial class SearchIndexer
{
    /// <summary>Builds a complete index in the other folder while the current one keeps serving.</summary>
    private async Task<(IndexGeneration, long)> RebuildAsync(
        string folder, (int Id, long Ticks) request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var generation = new IndexGeneration(folder);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
            var checkpoint = await RebuildStartAsync(db, cancellationToken);
            var watch = Stopwatch.StartNew();
            foreach (var source in _sources.Values)
            {
                var ids = new List<int>();
                await foreach (var id in source.AllItemIdsAsync(db, cancellationToken))
                {
                    ids.Add(id);
                }

                for (var done = 0; done < ids.Count; done += LoadBatch)
                {
                    var batch = ids.GetRange(done, Math.Min(LoadBatch, ids.Count - done));
                    await ApplyAsync(db, generation, source, batch, cancellationToken);
                    db.ChangeTracker.Clear();
                    if ((done + batch.Count) % 20_000 < LoadBatch || done + batch.Count == ids.Count)
                    {
                        progress?.Report($"{source.Kind}: {done + batch.Count:N0} / {ids.Count:N0} ({watch.Elapsed:mm\\:ss})");
                    }
                }
            }

            generation.Commit(new IndexState(checkpoint, request.Id, request.Ticks, IndexState.CurrentSchema, clock.GetUtcNow()));
            generation.Refresh();
            LogRebuilt(logger, folder, watch.Elapsed.TotalSeconds);
            return (generation, checkpoint);
        }
        catch
        {
            generation.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where the feed resumes after a rebuild: before the rows of the last seconds, whose transactions may not have been
    /// visible to the loads (applying a row twice is harmless, missing one is not).
    /// </summary>
    private static async Task<long> RebuildStartAsync(QmsDbContext db, CancellationToken cancellationToken)
    {
        var feed = db.Set<SearchFeedEntry>().AsNoTracking();
        if (await feed.OrderByDescending(e => e.Id).Select(e => new { e.Id, e.At }).FirstOrDefaultAsync(cancellationToken) is not { } last)
        {
            return 0;
        }

        var since = last.At - HoleWait;
        var first = await feed.Where(e => e.At >= since).MinAsync(e => (long?)e.Id, cancellationToken) ?? last.Id;
        return first - 1;
    }

    private async Task SwapWhenBuiltAsync(bool wait, CancellationToken cancellationToken)
    {
        if (_rebuild is not { } rebuild || (!wait && !rebuild.IsCompleted))
        {
            return;
        }

        _rebuild = null;
        var (generation, checkpoint) = await rebuild.WaitAsync(cancellationToken);
        var old = index.Current;
        _checkpoint = checkpoint;
        _request = _rebuildRequest;
        _applied.Clear();
        _holesSeen.Clear();
        _day = null;
        index.Serve(generation, ready: index.IsReady);
        File.WriteAllText(Path.Combine(_folder, "active"), Path.GetFileName(generation.Folder));
        if (old is not null)
        {
            old.Dispose();
            Directory.Delete(old.Folder, recursive: true);
        }

        if (!wait)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await ApplyFeedAsync(scope.ServiceProvider.GetRequiredService<QmsDbContext>(), generation, cancellationToken);
        generation.Refresh();
        generation.Commit(State());
    }

    private async Task HonourRebuildRequestAsync(QmsDbContext db, CancellationToken cancellationToken)
    {
        if (_rebuild is not null)
        {
            return;
        }

        var latest = await LatestRequestAsync(db, cancellationToken);
        if (latest.Id == _request.Id)
        {
            return;
        }

        LogRebuilding(logger, _folder, "requested");
        _rebuildRequest = latest;
        var active = index.Current is { } current ? Path.GetFileName(current.Folder) : "a";
        _rebuild = RebuildAsync(Path.Combine(_folder, Other(active)), latest, progress: null, CancellationToken.None);
    }

    private async Task<(int Id, long Ticks)> LatestRequestAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await LatestRequestAsync(scope.ServiceProvider.GetRequiredService<QmsDbContext>(), cancellationToken);
    }

    /// <summary>
    /// The newest rebuild request; a database without one gets its first, which also tells this database's index
    /// from another's (a recreated database at the same path starts again at request 1 with another time).
    /// </summary>
    private static async Task<(int Id, long Ticks)> LatestRequestAsync(QmsDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.Set<SearchRebuildRequest>().AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.RequestedAt }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            var first = new SearchRebuildRequest { RequestedAt = DateTimeOffset.UtcNow, RequestedBy = "first start" };
            db.Add(first);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(first).State = EntityState.Detached;
            return await LatestRequestAsync(db, cancellationToken);
        }

        return (latest.Id, latest.RequestedAt.UtcTicks);
    }

    /// <summary>
    /// The <c>search rebuild</c> verb: files a rebuild request, which every running process honours beside the index it
    /// serves, and rebuilds at once every index folder no running process holds, reporting progress.
    /// Returns the number of folders rebuilt here.
    /// </summary>
    public async Task<int> RequestRebuildAsync(string requestedBy, IProgress<string> progress, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QmsDbContext>();
            db.Add(new SearchRebuildRequest { RequestedAt = clock.GetUtcNow(), RequestedBy = requestedBy });
            await db.SaveChangesAsync(cancellationToken);
        }

        var request = await LatestRequestAsync(cancellationToken);
        var root = Path.Combine(environment.ContentRootPath, options.Value.IndexRoot);
        Directory.CreateDirectory(root);
        var folders = Directory.GetDirectories(root).Where(f => int.TryParse(Path.GetFileName(f), out _)).Order().ToList();
        if (folders.Count == 0)
        {
            folders.Add(Path.Combine(root, "0"));
        }

        var rebuilt = 0;
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            FileStream held;
            try
            {
                held = new FileStream(Path.Combine(folder, "process.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                progress.Report($"{folder}: đang được một tiến trình dùng; tiến trình đó tự dựng lại chỉ mục bên cạnh chỉ mục đang phục vụ.");
                continue;
            }

            await using (held)
            {
                var active = ActiveGeneration(folder);
                var (generation, _) = await RebuildAsync(Path.Combine(folder, Other(active)), request, progress, cancellationToken);
                var size = generation.SizeInBytes();
                generation.Dispose();
                await File.WriteAllTextAsync(Path.Combine(folder, "active"), Other(active), cancellationToken);
                var old = Path.Combine(folder, active);
                if (Directory.Exists(old))
                {
                    Directory.Delete(old, recursive: true);
                }

                progress.Report($"{folder}: xong, {size / 1024.0 / 1024.0:N1} MB.");
                rebuilt++;
            }
        }

        return rebuilt;
    }

    /// <summary>The first numbered folder under the root that no other process holds.</summary>
    private static (string Folder, FileStream Lock) TakeFolder(string root)
    {
        for (var n = 0; n < 64; n++)
        {
            var folder = Path.Combine(root, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            try
            {
                // FileShare.None takes an exclusive flock on Linux: a second process fails here instead of corrupting the index.
                return (folder, new FileStream(Path.Combine(folder, "process.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
            }
        }

        throw new InvalidOperationException($"No free search index folder under {root}: 64 processes hold one each.");
    }

    private static string ActiveGeneration(string folder)
    {
        var marker = Path.Combine(folder, "active");
        return File.Exists(marker) && File.ReadAllText(marker).Trim() is "a" or "b" ? File.ReadAllText(marker).Trim() : "a";
    }

    private static string Other(string generation) => generation == "a" ? "b" : "a";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace QmsPortal.Web.Search;

/// <summary>
/// Writes a <see cref="SearchFeedEntry"/> for every searchable item a save touches, in the same transaction as the
/// save, so the index can never miss a committed change nor see one that was rolled back. Changed and deleted rows
/// are mapped to their item before the save (a deleted row's parent id is gone after it); added rows after it,
/// when their ids are known, which is why the save is wrapped in a transaction when the caller did not open one.
/// </summary>
public sealed class SearchFeedInterceptor(IEnumerable<ISearchSource> sources, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ISearchSource[] _sources = sources.ToArray();
    private readonly HashSet<Type> _watched = sources.SelectMany(s => s.Watches).ToHashSet();
    private readonly HashSet<(string Kind, int ItemId)> _pending = [];
    private readonly List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> _added = [];
    private IDbContextTransaction? _ownTransaction;
    private bool _writingFeed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Collect(eventData.Context) && eventData.Context!.Database.CurrentTransaction is null)
        {
            _ownTransaction = eventData.Context.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Collect(eventData.Context) && eventData.Context!.Database.CurrentTransaction is null)
        {
            _ownTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Flush(eventData.Context) is { } context)
        {
            try
            {
                context.SaveChanges();
                _ownTransaction?.Commit();
            }
            finally
            {
                EndFeedWrite();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Flush(eventData.Context) is { } context)
        {
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                if (_ownTransaction is not null)
                {
                    await _ownTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                EndFeedWrite();
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon();
        return Task.CompletedTask;
    }

    /// <summary>True when this save touches searchable content.</summary>
    private bool Collect(DbContext? context)
    {
        if (context is null || _writingFeed || _sources.Length == 0)
        {
            return false;
        }

        _pending.Clear();
        _added.Clear();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!_watched.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    _added.Add(entry);
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    AddItemsOf(entry);
                    break;
            }
        }

        return _pending.Count > 0 || _added.Count > 0;
    }

    private void AddItemsOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var source in _sources)
        {
            if (source.ItemOf(entry) is { } itemId)
            {
                _pending.Add((source.Kind, itemId));
            }
        }
    }

    /// <summary>Adds the feed rows to the context and returns it for the second save, or null when there is nothing to write.</summary>
    private DbContext? Flush(DbContext? context)
    {
        if (context is null || _writingFeed)
        {
            return null;
        }

        foreach (var entry in _added)
        {
            AddItemsOf(entry);
        }

        _added.Clear();
        if (_pending.Count == 0)
        {
            // Nothing searchable after all: the transaction this interceptor opened still has to end.
            if (_ownTransaction is not null)
            {
                _ownTransaction.Commit();
                EndFeedWrite();
            }

            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, itemId) in _pending)
        {
            context.Add(new SearchFeedEntry { Kind = kind, ItemId = itemId, At = now });
        }

        _pending.Clear();
        _writingFeed = true;
        return context;
    }

    private void EndFeedWrite()
    {
        _writingFeed = false;
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    private void Abandon()
    {
        if (_writingFeed)
        {
            // The feed's own save failed: the outer save's rows must not commit without their feed rows.
            _ownTransaction?.Rollback();
        }
        else
        {
            _pending.Clear();
            _added.Clear();
            _ownTransaction?.Rollback();
            _ownTransaction?.Dispose();
            _ownTransaction = null;
        }
    }
}

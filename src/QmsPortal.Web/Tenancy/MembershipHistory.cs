using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Tenancy;

public enum MembershipChange
{
    Granted,
    Revoked,
}

/// <summary>
/// One change of who holds which role in a commune: who got or lost it, who did it, when. Written for every
/// membership change by <see cref="MembershipHistoryInterceptor"/>, whatever made it (a page, a recipe, a verb), and
/// never changed afterwards. Platform data like <see cref="TenantMembership"/>: pages filter by commune explicitly.
/// </summary>
public sealed class MembershipEvent : IAppendOnly
{
    public const string Table = "MembershipEvents";
    public const string ImmutableMessage = "Lịch sử thay đổi vai trò là bằng chứng: không được sửa hoặc xóa.";

    private MembershipEvent()
    {
    }

    public long Id { get; private set; }
    public int TenantId { get; private set; }
    public string UserId { get; private set; } = "";
    public CommuneRole Role { get; private set; }
    public MembershipChange Change { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static MembershipEvent For(int tenantId, string userId, CommuneRole role, MembershipChange change, CurrentActor actor, DateTimeOffset at) => new()
    {
        TenantId = tenantId, UserId = userId, Role = role, Change = change, ActorId = actor.UserId, ActorName = actor.Name, At = at,
    };
}

/// <summary>Adds a <see cref="MembershipEvent"/> for each membership added, removed or changed in the same save.</summary>
public sealed class MembershipHistoryInterceptor(CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var events = new List<MembershipEvent>();
        foreach (var entry in context.ChangeTracker.Entries<TenantMembership>())
        {
            var m = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    events.Add(MembershipEvent.For(m.TenantId, m.UserId, m.Role, MembershipChange.Granted, actor, now));
                    break;
                case EntityState.Deleted:
                    events.Add(MembershipEvent.For(m.TenantId, m.UserId, m.Role, MembershipChange.Revoked, actor, now));
                    break;
                case EntityState.Modified when entry.Property(x => x.Role).IsModified:
                    events.Add(MembershipEvent.For(m.TenantId, m.UserId, entry.Property(x => x.Role).OriginalValue, MembershipChange.Revoked, actor, now));
                    events.Add(MembershipEvent.For(m.TenantId, m.UserId, m.Role, MembershipChange.Granted, actor, now));
                    break;
            }
        }

        context.AddRange(events);
    }
}

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.ToTable(MembershipEvent.Table);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Change).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.HasIndex(e => new { e.TenantId, e.At });
    }
}

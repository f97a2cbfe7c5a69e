using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Data;

/// <summary>
/// Stamps <see cref="ITenantOwned.TenantId"/> on insert and who/when on <see cref="IStamped"/> rows, refuses any
/// write of another commune's row (the last line of defence for tenant isolation) and any change to an
/// <see cref="IAppendOnly"/> row.
/// </summary>
public sealed class AuditStampInterceptor(TenantContext tenant, CurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} is append-only: a recorded row is never changed or deleted.");
            }

            if (entry.Entity is ITenantOwned owned)
            {
                var current = tenant.TenantId
                    ?? throw new InvalidOperationException($"Cannot save {entry.Metadata.ClrType.Name} without a current commune.");
                if (entry.State == EntityState.Added && owned.TenantId == 0)
                {
                    owned.TenantId = current;
                }
                else if (owned.TenantId != current)
                {
                    throw new InvalidOperationException($"Refused to write {entry.Metadata.ClrType.Name} of commune {owned.TenantId} from commune {current}.");
                }
            }

            if (entry.Entity is IStamped stamped)
            {
                if (entry.State == EntityState.Added)
                {
                    stamped.CreatedAt = now;
                    stamped.CreatedBy ??= actor.Name;
                }
                else if (entry.State == EntityState.Modified)
                {
                    stamped.UpdatedAt = now;
                    stamped.UpdatedBy = actor.Name;
                }
            }
        }
    }
}

/// <summary>Who is acting: the signed-in user on a request, or the command-line verb's name.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    private string? _override;

    public string Name => _override ?? http.HttpContext?.User.Identity?.Name ?? "system";

    public string? UserId => http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    public void ActAs(string name) => _override = name;
}
